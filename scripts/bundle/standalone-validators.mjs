/**
 * Build step of the prebuilt bundle: ajv standalone code for every validator of
 * generators/model/validators.ts (same schemas, same options, one ajv instance each, as that module
 * compiles them at run time), and a module that stands in for validators.ts in the bundle, so no
 * command run from the bundle compiles a schema. The code is kept in `.cache/validators/<fingerprint>`
 * (of the compiled specs and the lockfile), so a rebuild after an edit elsewhere does not redo it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const VALIDATORS_SOURCE = 'generators/model/validators.ts';
/** Standalone code by fingerprint of the specs and the lockfile, inside the repository (ignored). */
const VALIDATORS_CACHE = '.cache/validators';

/** Writes the standalone validators to `scratch`; returns the path of validators.ts and the module that replaces it. */
export async function standaloneValidators(root, scratch, build) {
  // validators.ts imports TypeScript schemas: compile it (third-party packages left as imports) to read its specs.
  const specsFile = join(scratch, 'validator-specs.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [VALIDATORS_SOURCE],
    outfile: specsFile,
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  // Generated code depends only on the specs and ajv (the lockfile): cached by their fingerprint.
  const key = createHash('sha256').update(readFileSync(specsFile)).update(readFileSync(join(root, 'pnpm-lock.yaml'))).digest('hex').slice(0, 16);
  const cacheBase = join(root, VALIDATORS_CACHE);
  const cached = join(cacheBase, key);
  if (!existsSync(join(cached, 'names.json'))) {
    const { validatorSpecs } = await import(pathToFileURL(specsFile).href);
    const Ajv = (await import('ajv')).default;
    const standalone = await import('ajv/dist/standalone/index.js');
    const standaloneCode = standalone.default.default ?? standalone.default;
    const staging = join(scratch, 'validators');
    mkdirSync(staging, { recursive: true });
    const names = Object.keys(validatorSpecs).sort();
    for (const name of names) {
      const { schema, options } = validatorSpecs[name];
      const ajv = new Ajv({ ...options, code: { ...options.code, source: true, esm: true } });
      writeFileSync(join(staging, `${name}.mjs`), standaloneCode(ajv, ajv.compile(schema)));
    }
    writeFileSync(join(staging, 'names.json'), `${JSON.stringify(names)}\n`);
    mkdirSync(cacheBase, { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    try {
      renameSync(staging, cached);
    } catch {
      // another process cached the same validators first
    }
    for (const entry of readdirSync(cacheBase)) if (entry !== key) rmSync(join(cacheBase, entry), { recursive: true, force: true });
  }
  const names = JSON.parse(readFileSync(join(cached, 'names.json'), 'utf8'));
  const replacement = [
    ...names.map((name, i) => `import v${i} from ${JSON.stringify(pathToFileURL(join(cached, `${name}.mjs`)).pathname)};`),
    `const compiled = { ${names.map((name, i) => `${JSON.stringify(name)}: v${i}`).join(', ')} };`,
    'export function validator(name) { return compiled[name]; }',
    '',
  ].join('\n');
  return { path: join(root, VALIDATORS_SOURCE), contents: replacement };
}
