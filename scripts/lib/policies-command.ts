/**
 * `pnpm policies [--today YYYY-MM-DD]`: checks the committed output (not a fresh synth) against
 * every rule with the environments' exceptions, lists the exceptions in force, and fails on any
 * error. `--readme` prints the README's rule table instead.
 */
import { checkPolicies } from '../../policies/check.js';
import { exceptionsInForceLines, problemLines, summaryLine } from '../../policies/engine/format.js';
import { errorCount } from '../../policies/engine/run.js';
import { rules } from '../../policies/index.js';
import { rulesTable } from '../../policies/readme.js';
import { readCommittedFiles } from './committed-files.js';
import { loadRepositoryModel } from './platform.js';

export interface PoliciesRequest {
  root: string;
  today: string;
  readme: boolean;
}

/** Returns the exit code; prints the report. */
export function runPoliciesCommand(request: PoliciesRequest): number {
  if (request.readme) {
    console.log(rulesTable(rules));
    return 0;
  }
  const model = loadRepositoryModel();
  const { files, problems } = readCommittedFiles(request.root, model.environments.map((env) => env.name));
  const report = checkPolicies({ files, environments: model.environments, today: request.today });
  const inForce = exceptionsInForceLines(report);

  console.log(`pnpm policies: ${report.rules} rule(s) over ${files.length} committed file(s) as of ${request.today}.`);
  for (const line of [...problems, ...problemLines(report)]) console.log(line);
  console.log(inForce.length === 0 ? 'Exceptions in force: none' : 'Exceptions in force:');
  for (const line of inForce) console.log(`  ${line}`);
  console.log(summaryLine(report));
  return errorCount(report) + problems.length > 0 ? 1 : 0;
}
