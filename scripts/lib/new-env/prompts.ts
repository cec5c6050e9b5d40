/**
 * The values `pnpm new-env` still needs: from the flags, else asked on a terminal, else (CI, a pipe)
 * a one-line error naming the missing flag. Optional values are asked too on a terminal, where an
 * empty answer keeps the default.
 */
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../cli.js';
import type { NewEnvironmentRequest } from './plan.js';

export interface Question {
  key: keyof NewEnvironmentRequest;
  flag: string;
  prompt: string;
  required: boolean;
}

export const QUESTIONS: readonly Question[] = [
  { key: 'name', flag: '<name>', prompt: 'Name of the new environment (e.g. qa, prod-us)', required: true },
  { key: 'from', flag: '--from <env>', prompt: 'Environment to copy', required: true },
  { key: 'account', flag: '--account <id>', prompt: 'AWS account id (12 digits)', required: true },
  { key: 'region', flag: '--region <region>', prompt: 'AWS region (e.g. eu-central-1)', required: true },
  { key: 'cidr', flag: '--cidr <cidr>', prompt: 'VPC CIDR (empty: the first free 10.x.0.0/16)', required: false },
  { key: 'after', flag: '--after <env>', prompt: 'Promotes from (empty: the same stage as the copied environment)', required: false },
];

export interface Terminal {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export function processTerminal(): Terminal {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
  };
}

/** Completes `given` from the terminal; without one, a missing required value is a one-line error. */
export async function completeRequest(given: Partial<NewEnvironmentRequest>, terminal: Terminal, hint: (key: keyof NewEnvironmentRequest) => string): Promise<NewEnvironmentRequest> {
  const values: Partial<NewEnvironmentRequest> = { ...given };
  for (const question of QUESTIONS) {
    if (values[question.key] !== undefined) continue;
    if (!terminal.interactive) {
      if (question.required) throw new UsageError(`new-env: missing ${question.flag} (without a terminal every value comes from flags; \`pnpm new-env --help\`)`);
      continue;
    }
    const extra = hint(question.key);
    const answer = await terminal.ask(`${question.prompt}${extra ? ` [${extra}]` : ''}: `);
    if (answer !== '') values[question.key] = answer;
    else if (question.required) throw new UsageError(`new-env: ${question.flag} is required`);
  }
  return values as NewEnvironmentRequest;
}
