/**
 * Build step of the prebuilt bundle: ajv standalone code for every validator of
 * generators/model/validators.ts (same schemas, same options, one ajv instance each, as that module
 * compiles them at run time), and a module that stands in for validators.ts in the bundle, so no
 * command run from the bundle compiles a schema. Written to a scratch folder the caller removes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const VALIDATORS_SOURCE = 'generators/model/validators.ts';

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
  const { validatorSpecs } = await import(pathToFileURL(specsFile).href);
  const Ajv = (await import('ajv')).default;
  const standalone = await import('ajv/dist/standalone/index.js');
  const standaloneCode = standalone.default.default ?? standalone.default;
  const names = Object.keys(validatorSpecs).sort();
  for (const name of names) {
    const { schema, options } = validatorSpecs[name];
    const ajv = new Ajv({ ...options, code: { ...options.code, source: true, esm: true } });
    writeFileSync(join(scratch, `${name}.mjs`), standaloneCode(ajv, ajv.compile(schema)));
  }
  const replacement = [
    ...names.map((name, i) => `import v${i} from ${JSON.stringify(pathToFileURL(join(scratch, `${name}.mjs`)).pathname)};`),
    `const compiled = { ${names.map((name, i) => `${JSON.stringify(name)}: v${i}`).join(', ')} };`,
    'export function validator(name) { return compiled[name]; }',
    '',
  ].join('\n');
  return { path: join(root, VALIDATORS_SOURCE), contents: replacement };
}
