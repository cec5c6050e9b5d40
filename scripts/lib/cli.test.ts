import { describe, expect, it } from 'vitest';
import { HelpRequested, helpText, parseCommandLine, UsageError, type CommandHelp } from './cli.js';
import { colourEnabled, paint } from './colour.mjs';
import { BENCH_HELP, ENV_DIFF_HELP, POLICIES_HELP, PR_COMMENT_HELP, SYNTH_HELP } from './command-help.js';

const help: CommandHelp = {
  command: 'pnpm demo',
  summary: 'Does a demo.',
  flags: { env: { value: '<name>', description: 'one environment' }, check: { description: 'write nothing' } },
  examples: ['pnpm demo --env dev'],
};
const options = { env: { type: 'string' }, check: { type: 'boolean' } } as const;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('parseCommandLine', () => {
  it('parses the declared flags', () => {
    expect(parseCommandLine(['--env', 'dev', '--check'], options, help).values).toEqual({ env: 'dev', check: true });
  });

  it.each([['--help'], ['-h'], ['--env', 'dev', '--help'], ['--bogus', '--help']])('%s asks for help, whatever else is given', (...args) => {
    const error = thrown(() => parseCommandLine(args, options, help));
    expect(error).toBeInstanceOf(HelpRequested);
    expect((error as Error).message).toBe(helpText(help));
  });

  it('an unknown flag is one line naming it and every valid flag, exit code 2', () => {
    const error = thrown(() => parseCommandLine(['--force'], options, help)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("Unknown option '--force'. Valid options: --env <name>, --check, --help (`pnpm demo --help` explains them).");
  });

  it('a flag without its value is one line too, exit code 2', () => {
    const error = thrown(() => parseCommandLine(['--env'], options, help)) as UsageError;
    expect(error.exitCode).toBe(2);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain('--env');
  });
});

describe('help text', () => {
  it('has usage, the summary, every flag with its description, and the examples', () => {
    expect(helpText(help).split('\n')).toEqual([
      'Usage: pnpm demo [flags]',
      '',
      'Does a demo.',
      '',
      'Flags:',
      '  --env <name>  one environment',
      '  --check       write nothing',
      '  --help        show this help and exit',
      '',
      'Example:',
      '  pnpm demo --env dev',
    ]);
  });

  it.each([SYNTH_HELP, POLICIES_HELP, ENV_DIFF_HELP, PR_COMMENT_HELP, BENCH_HELP])('$command: every flag is described and there is an example of the command', (command) => {
    for (const flag of Object.values(command.flags)) expect(flag.description.length).toBeGreaterThan(10);
    expect(command.examples.length).toBeGreaterThan(0);
    for (const example of command.examples) expect(example.startsWith(command.command)).toBe(true);
  });
});

describe('colour', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, {}, false],
    [undefined, {}, false],
  ])('TTY %s with %j: colour %s', (isTTY, env, expected) => {
    expect(colourEnabled({ isTTY, env })).toBe(expected);
  });

  it('paints with ANSI codes only when enabled', () => {
    expect(paint(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(paint(false).red('x')).toBe('x');
  });
});
