#!/usr/bin/env tsx
/** `tsx scripts/tool-version.ts <tool>`: prints a pinned tool version from environments/versions.ts (CI installs exactly that). */
import { tools } from '../environments/versions.js';
import { runCli, UsageError } from './lib/cli.js';

await runCli(() => {
  const name = process.argv[2] ?? '';
  if (!Object.hasOwn(tools, name)) throw new UsageError(`usage: tool-version <${Object.keys(tools).join('|')}>`);
  console.log(tools[name as keyof typeof tools]);
  return 0;
});
