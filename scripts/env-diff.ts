#!/usr/bin/env tsx
/**
 * `pnpm env-diff [--base <ref>] [--head <ref>] [--format markdown|json]`: what the generated output
 * changes, per environment; see scripts/lib/env-diff/.
 */
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runCli } from './lib/cli.js';
import { ENV_DIFF_HELP } from './lib/command-help.js';
import { DIFF_OPTIONS, diffForCommand, parseFormat, render } from './lib/env-diff/command.js';

const toolRoot = fileURLToPath(new URL('..', import.meta.url));

await runCli(async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { ...DIFF_OPTIONS, format: { type: 'string' } }, ENV_DIFF_HELP);
  const format = parseFormat(values.format);
  const diff = await diffForCommand({ base: values.base, head: values.head, cwd: process.cwd(), toolRoot });
  process.stdout.write(render(diff, format));
  return 0;
});
