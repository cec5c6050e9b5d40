/**
 * The commands as a person runs them (asynchronous child processes on a copy of the repository):
 * `--help` on each, an unknown flag, synth's phase lines, and colour only on a terminal.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runScript } from './support/run-tsx.js';
import { copyRepository, removeDir } from './support/tree.js';

let repo: string;
beforeAll(() => (repo = copyRepository()));
afterAll(() => removeDir(repo));

const ESC = '\u001b[';
const COMMANDS = ['synth', 'policies', 'env-diff', 'pr-comment', 'bench'] as const;

describe('every command explains itself', () => {
  it('--help prints usage, flags and an example, exit 0, for each command', async () => {
    const results = await Promise.all(COMMANDS.map((command) => runScript(repo, command, ['--help'])));
    results.forEach((result, i) => {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: pnpm ${COMMANDS[i]} \\[flags\\]\\n`));
      expect(result.stdout).toMatch(/\nFlags:\n {2}--/);
      expect(result.stdout).toMatch(new RegExp(`\\nExamples?:\\n {2}pnpm ${COMMANDS[i]}`));
    });
  }, 120_000);

  it('an unknown flag is one line listing the valid ones, exit 2 (synth, bench)', async () => {
    const [synth, bench] = await Promise.all([runScript(repo, 'synth', ['--forse']), runScript(repo, 'bench', ['--quick'])]);
    expect(synth).toMatchObject({ status: 2, stdout: '' });
    expect(synth.stderr).toBe("Unknown option '--forse'. Valid options: --env <name>[,<name>], --check, --full, --help (`pnpm synth --help` explains them).\n");
    expect(bench).toMatchObject({ status: 2, stdout: '', stderr: "Unknown option '--quick'. Valid options: --suite, --help (`pnpm bench --help` explains them).\n" });
  }, 120_000);
});

describe('pnpm synth output', () => {
  it('one line per phase with its time, in order, and no colour when not on a terminal (NO_COLOR unset)', async () => {
    const result = await runScript(repo, 'synth', ['--check'], { env: { NO_COLOR: undefined } });
    expect(result.status).toBe(0);
    const phases = result.stdout.split('\n').filter((line) => /^\w+ +\d+ ms {2}/.test(line));
    expect(phases.map((line) => line.split(' ')[0])).toEqual(['load', 'generate', 'policies', 'check']);
    expect(result.stdout + result.stderr).not.toContain(ESC);
  }, 120_000);

  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasScript)('colour on a terminal, none on a terminal with NO_COLOR set', async () => {
    // util-linux `script` gives the command a pseudo-terminal; its output is what the terminal showed.
    const onTerminal = (noColor: string | undefined) =>
      runCommand('script', ['-qec', `'${process.execPath}' scripts/bundle/run.mjs synth --check --full --env dev`, '/dev/null'], repo, { env: { NO_COLOR: noColor } });
    const [coloured, plain] = await Promise.all([onTerminal(undefined), onTerminal('1')]);
    expect(coloured.status).toBe(0);
    expect(coloured.stdout).toContain(`${ESC}1mload`);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^load +\d+ ms/m);
    expect(plain.stdout).not.toContain(ESC);
  }, 120_000);
});
