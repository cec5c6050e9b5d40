#!/usr/bin/env tsx
/** Entry point of `pnpm new-env`; see scripts/lib/new-env/command.ts. */
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runCli, UsageError } from './lib/cli.js';
import { todayUtc } from './lib/clock.js';
import { paintFor } from './lib/colour.mjs';
import { NEW_ENV_HELP } from './lib/command-help.js';
import { runNewEnvironment } from './lib/new-env/command.js';
import { completeRequest, processTerminal } from './lib/new-env/prompts.js';
import { loadRepositoryModel, repositorySources } from './lib/platform.js';

const root = fileURLToPath(new URL('..', import.meta.url));

await runCli(async () => {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { from: { type: 'string' }, account: { type: 'string' }, region: { type: 'string' }, cidr: { type: 'string' }, after: { type: 'string' } },
    NEW_ENV_HELP,
    true,
  );
  if (positionals.length > 1) throw new UsageError(`new-env: expected one environment name, got ${positionals.length} (${positionals.join(' ')})`, 2);
  // The repository must be valid before anything is added to it (its problems, one line each).
  const model = loadRepositoryModel();
  const names = model.environments.map((e) => e.name);
  const request = await completeRequest({ ...values, ...(positionals[0] !== undefined ? { name: positionals[0] } : {}) }, processTerminal(), (key) =>
    key === 'from' || key === 'after' ? names.join(', ') : '',
  );
  const colours = paintFor(process.stdout);
  const phase = (name: string, ms: number, detail: string) => console.log(`${colours.bold(name.padEnd(8))} ${`${Math.round(ms)} ms`.padStart(8)}  ${colours.dim(detail)}`);
  // Load counts from process start: start-up, importing the sources, validating the repository.
  phase('load', performance.now(), `${names.length} environments`);
  return runNewEnvironment({
    root,
    request,
    sources: repositorySources(),
    today: todayUtc(),
    print: (line) => console.log(line),
    onPhase: phase,
  });
});
