#!/usr/bin/env tsx
/** `pnpm pr-comment`: posts or updates the pull request's environment-diff comment; see scripts/lib/pr-comment/. */
import { fileURLToPath } from 'node:url';
import { runCli } from './lib/cli.js';
import { runPrComment } from './lib/pr-comment/command.js';

const toolRoot = fileURLToPath(new URL('..', import.meta.url));

await runCli(() => runPrComment({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), toolRoot, log: (line) => console.log(line) }));
