#!/usr/bin/env tsx
/**
 * `pnpm new-service <name> --team <team> --port <n> [--route /v1/x] [--needs …] [--calls a,b]`:
 * writes services/<name>/service.ts (and adds a routed service to the gateway's calls), then runs
 * synth. On a terminal, a missing name, team or port is asked for; without one (CI), each is a
 * one-line error. See scripts/lib/new-service/ and README "Add a service".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, runCli, UsageError } from './lib/cli.js';
import { NEW_SERVICE_HELP } from './lib/command-help.js';
import { planNewService } from './lib/new-service/plan.js';
import { repositorySources } from './lib/platform.js';
import { phaseLine } from './lib/source-edit/phase-line.js';
import { runSynth } from './lib/source-edit/run-synth.js';
import { writeSources } from './lib/source-edit/transaction.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const OPTIONS = {
  team: { type: 'string' },
  port: { type: 'string' },
  route: { type: 'string' },
  needs: { type: 'string' },
  calls: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
} as const;

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const portValue = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

/** Asks for what is missing on a terminal; without one, every missing value is one line. */
async function answer(name: string | undefined, team: string | undefined, port: string | undefined): Promise<[string, string, string]> {
  const missing = [name === undefined ? '<name>' : '', team === undefined ? '--team <team>' : '', port === undefined ? '--port <n>' : ''].filter(Boolean);
  if (missing.length === 0) return [name!, team!, port!];
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(`missing ${missing.join(', ')} (no terminal to ask on); \`pnpm new-service --help\` explains them`);
  }
  // Lines as they come (typed ahead or not); the terminal echoes them itself.
  const prompt = createInterface({ input: process.stdin, terminal: false });
  const lines = prompt[Symbol.asyncIterator]();
  try {
    const ask = async (value: string | undefined, question: string, flag: string) => {
      if (value !== undefined) return value;
      process.stdout.write(question);
      const line = await lines.next();
      if (line.done) throw new UsageError(`no answer for ${flag} (end of input)`);
      return String(line.value).trim();
    };
    return [
      await ask(name, 'Service name (lowercase DNS label, e.g. report-builder): ', '<name>'),
      await ask(team, 'Owning team (GitHub team slug, e.g. reporting): ', '--team'),
      await ask(port, 'Container port (1024-65535) [8080]: ', '--port').then((p) => p || '8080'),
    ];
  } finally {
    prompt.close();
  }
}

await runCli(async () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), OPTIONS, NEW_SERVICE_HELP, true);
  if (positionals.length > 1) throw new UsageError(`expected one service name, got ${positionals.length}: ${positionals.join(' ')}`);
  const asking = performance.now();
  const [name, team, port] = await answer(positionals[0], values.team, values.port);
  const promptMs = performance.now() - asking;
  const sources = repositorySources();
  // Phases as synth prints them: load counts from process start (start-up, importing the sources), less any prompting.
  const loaded = performance.now();
  console.log(phaseLine('load', loaded - promptMs, `${sources.environments.length} environments, ${sources.services.length} services`));
  const plan = planNewService(
    { name, team, port: portValue(port), route: values.route, calls: list(values.calls), needs: list(values.needs) },
    sources,
    (path) => existsSync(join(root, path)),
    (file) => readFileSync(join(root, file), 'utf8'),
  );
  console.log(phaseLine('prepare', performance.now() - loaded, `validated; ${[...plan.files.keys()].join(', ')}`));
  if (values['dry-run']) {
    for (const [file, text] of plan.files) console.log(file === plan.file ? `--- ${file} (new)\n${text}` : `--- ${file}: dependencies.calls gets '${plan.definition.name}'`);
    console.log(`pnpm new-service --dry-run: nothing was written.`);
    return 0;
  }
  const written = writeSources(root, plan.files);
  const status = await runSynth(root);
  if (status !== 0) {
    written.restore();
    console.error(`pnpm new-service: synth failed (above); ${plan.file} was removed${plan.gateway ? ` and ${plan.gateway} restored` : ''}: nothing was written.`);
    return status;
  }
  console.log(`pnpm new-service: wrote ${[...plan.files.keys()].join(' and ')}; adjust the defaults, run \`pnpm synth\`, commit the sources and the output together.`);
  if (plan.definition.dependencies.database !== 'none') {
    console.log(`  Its PostgreSQL user is created once per environment after the apply (README "After the first apply").`);
  }
  return 0;
});
