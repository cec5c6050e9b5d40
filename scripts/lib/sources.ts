/**
 * The loading layer: finds the repository's environment and service sources and imports them, so a
 * generator never touches the file system. Environments are discovered: every `environments/<name>.ts`
 * that is not a support module or a test (scripts/lib/environment-files.mjs), exporting exactly one
 * environment object whose `name` is the file name; services are discovered from the folder: every
 * `services/<folder>/service.ts`, in folder-name order, exporting one `defineService(...)` whose
 * name is the folder name. A source that does not load (syntax error, misspelled identifier, an
 * exception while it is imported) becomes one line `file:line:column: message`; every such problem
 * of the run is collected, none stops the others from being tried.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { environmentFiles as environmentPaths } from './environment-files.mjs';
import type { Sourced } from '../../generators/model/service-checks.js';
import { compareStrings } from '../../generators/sort.js';
import { UsageError } from './cli.js';

/** One problem with a source file: a location when one is known. */
export interface SourceProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatSourceProblem(problem: SourceProblem): string {
  const at = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${at}: ${problem.message}`;
}

/** Sources that did not load: one line each, exit 1, nothing generated or written. */
export class SourceLoadError extends UsageError {
  constructor(readonly problems: SourceProblem[]) {
    const lines = [...new Set(problems.map(formatSourceProblem))].sort(compareStrings);
    super([...lines, `${lines.length} source problem(s) found; nothing was written.`].join('\n'));
    this.name = 'SourceLoadError';
  }
}

export interface RepositorySources {
  environments: Sourced<unknown>[];
  services: Sourced<unknown>[];
  problems: SourceProblem[];
}

const SERVICES_DIR = 'services';
const SERVICE_FILE = 'service.ts';

/** `services/<folder>/service.ts` for every folder of services/, in folder-name order; a folder without one is a problem. */
export function discoverServiceFiles(root: string): { files: string[]; problems: SourceProblem[] } {
  const dir = join(root, SERVICES_DIR);
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort(compareStrings);
  const files: string[] = [];
  const problems: SourceProblem[] = [];
  for (const folder of folders) {
    const file = `${SERVICES_DIR}/${folder}/${SERVICE_FILE}`;
    if (existsSync(join(root, file))) files.push(file);
    else problems.push({ file: `${SERVICES_DIR}/${folder}/`, message: `a service folder needs ${file} exporting its defineService({...}) (or remove the folder)` });
  }
  return { files, problems };
}

const ENVIRONMENTS_DIR = 'environments';

/** The environment files of the repository (see environment-files.mjs), by name. */
export function discoverEnvironmentFiles(root: string): string[] {
  const entries = readdirSync(join(root, ENVIRONMENTS_DIR), { withFileTypes: true }).filter((entry) => entry.isFile());
  return environmentPaths(entries.map((entry) => `${ENVIRONMENTS_DIR}/${entry.name}`));
}

/** This file: its own frames (the dynamic import) are never the culprit. */
const LOADER = 'scripts/lib/sources.ts';
const toPosix = (path: string) => path.split(sep).join('/');

/** Repository-relative location of a stack frame or compiler message path, if it is a source of the repository. */
function repositoryPath(root: string, raw: string): string | undefined {
  const path = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
  const rel = toPosix(relative(root, path));
  if (rel.startsWith('..') || rel.startsWith('/') || rel.split('/').includes('node_modules')) return undefined;
  return rel;
}

const oneLine = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');

/** Where an import failed, as one or more `file:line:column: message` problems, never a stack trace. */
export function locateImportError(root: string, file: string, error: unknown): SourceProblem[] {
  if (!(error instanceof Error)) return [{ file, line: 1, column: 1, message: `threw ${oneLine(String(error))} while loading` }];
  // Syntax errors, as esbuild (tsx) reports them: "<path>:<line>:<column>: ERROR: <message>" per error.
  const compiler = [...error.message.matchAll(/^(.+?):(\d+):(\d+): ERROR: (.+)$/gm)].flatMap(([, path, line, column, message]) => {
    const at = repositoryPath(root, path!);
    return at ? [{ file: at, line: Number(line), column: Number(column), message: `syntax error: ${message}` }] : [];
  });
  if (compiler.length > 0) return compiler;

  const message = `${error.name}: ${oneLine(error.message)}`;
  const inFile = (at: string) => (at === file ? message : `${message} (while loading ${file})`);
  // Link errors (an import of a name the module does not export): "<path>:<line>\n<source>\n<caret>".
  const linked = /^((?:file:\/\/)?\/[^\n]+?):(\d+)\n[^\n]*\n( *)\^/.exec(error.stack ?? '');
  const linkedAt = linked ? repositoryPath(root, linked[1]!) : undefined;
  if (linked && linkedAt) return [{ file: linkedAt, line: Number(linked[2]), column: linked[3]!.length + 1, message: inFile(linkedAt) }];

  const frames = [...(error.stack ?? '').matchAll(/((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)/g)].flatMap(([, path, line, column]) => {
    const at = repositoryPath(root, path!);
    return at && at !== LOADER ? [{ file: at, line: Number(line), column: Number(column) }] : [];
  });
  const frame = frames.find((f) => f.file === file) ?? frames[0] ?? { file, line: 1, column: 1 };
  return [{ ...frame, message: inFile(frame.file) }];
}

/**
 * Set by scripts/bundle/run.mjs when a command runs from the prebuilt bundle: the repository's sources
 * are then imported as built there, and any problem sends the command back to tsx (`SourcesNeedTsx`),
 * which reports it exactly as without the bundle.
 */
interface PrebuiltBundle {
  root: string;
  /** Where the environment and service modules are built (scripts/bundle/build.mjs). */
  sourcesDir: string;
  SourcesNeedTsx: new () => Error;
}
const prebuilt = (globalThis as { platformGitopsBundle?: PrebuiltBundle }).platformGitopsBundle;
const fromBundle = (root: string) => prebuilt !== undefined && relative(prebuilt.root, root) === '';

function sourceUrl(root: string, file: string): string {
  return fromBundle(root) ? pathToFileURL(join(prebuilt!.sourcesDir, file.replace(/\.ts$/, '.js'))).href : pathToFileURL(join(root, file)).href;
}

async function importSource(root: string, file: string): Promise<{ module?: Record<string, unknown>; problems: SourceProblem[] }> {
  try {
    return { module: (await import(sourceUrl(root, file))) as Record<string, unknown>, problems: [] };
  } catch (error) {
    return { problems: locateImportError(root, file, error) };
  }
}

/** The one exported environment of an environment file; its name is checked against the file name by validation. */
function environmentDefinition(file: string, module: Record<string, unknown>): { value?: unknown; problems: SourceProblem[] } {
  const definitions = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
  if (definitions.length !== 1) {
    const name = file.replace(/^environments\/|\.ts$/g, '');
    return {
      problems: [
        {
          file,
          message: `expected exactly one exported environment (export const ${camelCase(name)}: Environment = {...}), found ${definitions.length} exported objects; a support module that is not an environment belongs in SUPPORT_MODULES of scripts/lib/environment-files.mjs`,
        },
      ],
    };
  }
  return { value: definitions[0], problems: [] };
}

/** `prod-eu` → `prodEu`: the identifier an environment file exports. */
export const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function serviceDefinition(file: string, module: Record<string, unknown>): { value?: unknown; problems: SourceProblem[] } {
  const definitions = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
  if (definitions.length !== 1) {
    return { problems: [{ file, message: `expected exactly one exported service (export const myService = defineService({...})), found ${definitions.length}` }] };
  }
  const value = definitions[0];
  const folder = file.split('/')[1]!;
  const name = (value as { name?: unknown }).name;
  if (typeof name === 'string' && name !== folder) {
    return { value, problems: [{ file, message: `name: "${name}" must equal its folder name "${folder}" (rename the folder or the service)` }] };
  }
  return { value, problems: [] };
}

/** Imports every environment and every discovered service; problems are collected, not thrown. */
export async function importRepositorySources(root: string): Promise<RepositorySources> {
  const problems: SourceProblem[] = [];
  const environments: Sourced<unknown>[] = [];
  const services: Sourced<unknown>[] = [];

  const environmentFiles = discoverEnvironmentFiles(root);
  if (environmentFiles.length === 0) problems.push({ file: `${ENVIRONMENTS_DIR}/`, message: 'no environment files; expected at least one environments/<name>.ts exporting its Environment' });
  const discovered = discoverServiceFiles(root);
  problems.push(...discovered.problems);
  const [loadedEnvironments, loadedServices] = await Promise.all([
    Promise.all(environmentFiles.map((file) => importSource(root, file))),
    Promise.all(discovered.files.map((file) => importSource(root, file))),
  ]);

  loadedEnvironments.forEach((loaded, i) => {
    const file = environmentFiles[i]!;
    problems.push(...loaded.problems);
    if (!loaded.module) return;
    const definition = environmentDefinition(file, loaded.module);
    problems.push(...definition.problems);
    if (definition.value !== undefined) environments.push({ file, value: definition.value });
  });
  loadedServices.forEach((loaded, i) => {
    const file = discovered.files[i]!;
    problems.push(...loaded.problems);
    if (!loaded.module) return;
    const definition = serviceDefinition(file, loaded.module);
    problems.push(...definition.problems);
    if (definition.value !== undefined) services.push({ file, value: definition.value });
  });
  if (problems.length > 0 && fromBundle(root)) throw new prebuilt!.SourcesNeedTsx();
  return { environments, services, problems };
}
