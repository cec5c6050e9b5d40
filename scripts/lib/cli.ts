/**
 * Shared CLI behaviour. `--help` (or `-h`) prints usage, flags and an example and exits 0; an unknown
 * flag is one line listing the valid ones, exit 2. User mistakes print one line each and exit 1;
 * bugs print a stack and exit 2. Problem lines are red on a terminal (see colour.mjs).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, formatProblem } from '../../generators/model/problem.js';
import { sortProblems } from '../../generators/model/problem.js';
import { paintFor } from './colour.mjs';

/** A mistake in how a command was called or in what it was given: printed without a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** 1 for a mistake in what was given, 2 for a command line that cannot be understood. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `--help` was asked for: its text goes to stdout, exit 0. */
export class HelpRequested extends Error {}

export interface FlagHelp {
  /** The value's placeholder, e.g. `<name>[,<name>]`; omitted for a boolean flag. */
  value?: string;
  description: string;
}

export interface CommandHelp {
  /** e.g. `pnpm synth` */
  command: string;
  /** The usage line when the command takes operands; default `<command> [flags]`. */
  usage?: string;
  summary: string;
  flags: Record<string, FlagHelp>;
  examples: string[];
}

const HELP_FLAG: FlagHelp = { description: 'show this help and exit' };

const flagLabel = (name: string, flag: FlagHelp) => `--${name}${flag.value ? ` ${flag.value}` : ''}`;

export function helpText(help: CommandHelp): string {
  const flags = Object.entries({ ...help.flags, help: HELP_FLAG });
  const width = Math.max(...flags.map(([name, flag]) => flagLabel(name, flag).length));
  return [
    `Usage: ${help.usage ?? `${help.command} [flags]`}`,
    '',
    help.summary,
    '',
    'Flags:',
    ...flags.map(([name, flag]) => `  ${flagLabel(name, flag).padEnd(width)}  ${flag.description}`),
    '',
    help.examples.length === 1 ? 'Example:' : 'Examples:',
    ...help.examples.map((example) => `  ${example}`),
  ].join('\n');
}

/** The valid flags in one line, for an unknown-flag error. */
export function validFlagsLine(help: CommandHelp): string {
  return Object.entries({ ...help.flags, help: HELP_FLAG })
    .map(([name, flag]) => flagLabel(name, flag))
    .join(', ');
}

/** `allowPositionals`: the command takes operands besides its flags (`pnpm new-env <name>`, `pnpm promote <service…>`); otherwise one is an error. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, help: CommandHelp, allowPositionals = false) {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(helpText(help));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const problem = unknown ? `Unknown option '${unknown}'` : (message.split('. ')[0] ?? message);
    throw new UsageError(`${problem}. Valid options: ${validFlagsLine(help)} (\`${help.command} --help\` explains them).`, 2);
  }
}

export async function runCli(main: () => Promise<number> | number): Promise<void> {
  const red = paintFor(process.stderr).red;
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(error.message);
      process.exitCode = 0;
    } else if (error instanceof ConfigError) {
      for (const problem of sortProblems(error.problems)) console.error(red(formatProblem(problem)));
      console.error(`${error.problems.length} problem(s) found; nothing was written.`);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      console.error(red(error.message));
      process.exitCode = error.exitCode;
    } else {
      console.error(error);
      process.exitCode = 2;
    }
  }
}
