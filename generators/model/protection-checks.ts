/**
 * Checks on an environment's human access that a JSON Schema cannot express: every access role
 * lives in the environment's own account, is listed once, and is never the Terraform role (only
 * Atlantis assumes that). Whether the recovery objectives are met is policy TF-017's job.
 */
import type { Environment } from '../../environments/types.js';
import type { Problem } from './problem.js';

const ROLE_ARN = /^arn:aws:iam::([0-9]{12}):role\/(?:.*\/)?([^/]+)$/;

export function checkProtection(file: string, env: Environment): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ file, path, message });

  const seen = new Map<string, string>();
  for (const list of ['adminRoleArns', 'readOnlyRoleArns'] as const) {
    env.access[list].forEach((roleArn, i) => {
      const path = `access.${list}[${i}]`;
      const match = ROLE_ARN.exec(roleArn);
      if (!match) return; // the schema already reported it
      if (match[1] !== env.aws.accountId) report(path, `expected a role in the environment's account ${env.aws.accountId}, got account ${match[1]}`);
      if (match[2] === env.aws.terraformRoleName) report(path, `expected a human's role; ${env.aws.terraformRoleName} is the Terraform role, which only Atlantis assumes`);
      const first = seen.get(roleArn);
      if (first) report(path, `duplicate role, already listed at ${first}`);
      else seen.set(roleArn, path);
    });
  }

  env.recovery.copyRegions.forEach((region, i) => {
    if (region === env.aws.region) report(`recovery.copyRegions[${i}]`, `expected a region other than the environment's own (${env.aws.region})`);
  });
  return problems;
}
