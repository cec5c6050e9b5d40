/** Shared CLI behaviour: user mistakes print one line each and exit 1; bugs print a stack and exit 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, formatProblem } from '../../generators/model/problem.js';
import { sortProblems } from '../../generators/model/problem.js';

/** A mistake in how a command was called or in what it was given: printed without a stack trace. */
export class UsageError extends Error {}

export function parseCommandLine<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export async function runCli(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of sortProblems(error.problems)) console.error(formatProblem(problem));
      console.error(`${error.problems.length} problem(s) found; nothing was written.`);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 2;
    }
  }
}
