#!/usr/bin/env tsx
/** Entry point of `pnpm policies`; see scripts/lib/policies-command.ts. */
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runCli } from './lib/cli.js';
import { todayFrom } from './lib/clock.js';
import { POLICIES_HELP } from './lib/command-help.js';
import { runPoliciesCommand } from './lib/policies-command.js';

const root = fileURLToPath(new URL('..', import.meta.url));

await runCli(() => {
  const { values } = parseCommandLine(process.argv.slice(2), {
    today: { type: 'string' },
    readme: { type: 'boolean', default: false },
  }, POLICIES_HELP);
  return runPoliciesCommand({ root, today: todayFrom(values.today), readme: values.readme ?? false });
});
