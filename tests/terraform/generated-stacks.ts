/** Every generated Terraform configuration, synthesized in memory from the repository's model. */
import { renderFile } from '../../generators/render.js';
import { repositoryOutput } from '../support/repository-output.js';
import { mapStepwise } from '../support/stepwise-synthesis.js';

export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown; description?: string }>;
  locals?: Record<string, unknown>;
  provider?: Record<string, unknown[]>;
  terraform?: Record<string, unknown>;
}

export interface GeneratedStack {
  env: string;
  /** A stack of TERRAFORM_STACKS, or `bootstrap` for the state bucket configuration. */
  stack: string;
  path: string;
  /** The exact bytes `pnpm synth` writes. */
  text: string;
  json: TerraformJson;
  /** The `.terraform.lock.hcl` synth writes next to it (null if none). */
  lock: string | null;
}

const STACK_PATH = /^generated\/terraform\/([^/]+)\/([^/]+)\/main\.tf\.json$/;
const BOOTSTRAP_PATH = /^generated\/terraform-bootstrap\/([^/]+)\/main\.tf\.json$/;

/** The repository's stacks (shared synthesis; rendered and parsed in slices so the worker stays responsive). */
export async function generatedStacks(): Promise<GeneratedStack[]> {
  const { files } = await repositoryOutput();
  const located = files.flatMap((file) => {
    const stackMatch = STACK_PATH.exec(file.path);
    const bootstrapMatch = BOOTSTRAP_PATH.exec(file.path);
    const match = stackMatch ? { env: stackMatch[1]!, stack: stackMatch[2]! } : bootstrapMatch ? { env: bootstrapMatch[1]!, stack: 'bootstrap' } : null;
    return match ? [{ file, ...match }] : [];
  });
  return mapStepwise(located, ({ file, env, stack }) => {
    const text = renderFile(file);
    const lockFile = files.find((f) => f.path === file.path.replace(/main\.tf\.json$/, '.terraform.lock.hcl'));
    const lock = lockFile ? renderFile(lockFile) : null;
    return { env, stack, path: file.path, text, json: JSON.parse(text) as TerraformJson, lock };
  }, 4);
}

/** Every resource of a stack as [type, id, body], in file order. */
export function resources(json: TerraformJson): [string, string, Record<string, unknown>][] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).map(([id, body]) => [type, id, body] as [string, string, Record<string, unknown>]));
}
