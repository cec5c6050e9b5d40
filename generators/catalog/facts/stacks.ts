/**
 * Terraform stacks of one environment as the generated files say: each `main.tf.json` under the
 * environment's Terraform folder, its S3 state key, and the stacks it depends on (the state keys
 * its `terraform_remote_state` data sources read). Nothing here repeats the generators' stack list.
 */
import type { GeneratedFile } from '../../document.js';
import { compareStrings } from '../../sort.js';
import { at, isRecord } from './document-values.js';

export interface StackFact {
  name: string;
  /** Folder of the stack, e.g. generated/terraform/dev/network. */
  dir: string;
  stateKey: string;
  /** Stacks of the same environment whose state this one reads, sorted. */
  dependsOn: string[];
  /** State keys it reads that no stack of the environment writes (shown, never silently dropped). */
  externalStates: string[];
  resources: number;
}


/** The stacks of the environment's Terraform folder (`terraformRoot`, e.g. generated/terraform/dev), in dependency order, then by name. */
export function stackFacts(files: readonly GeneratedFile[], terraformRoot: string): StackFact[] {
  const stacks = files.flatMap((file) => {
    const match = file.path.startsWith(`${terraformRoot}/`) ? /^([^/]+)\/main\.tf\.json$/.exec(file.path.slice(terraformRoot.length + 1)) : null;
    if (!match || file.content.format !== 'json') return [];
    const value = file.content.value;
    const remote = at(value, 'data', 'terraform_remote_state');
    const reads = isRecord(remote) ? Object.values(remote).map((r) => at(r, 'config', 'key')).filter((k): k is string => typeof k === 'string') : [];
    const resources = at(value, 'resource');
    const count = isRecord(resources) ? Object.values(resources).reduce<number>((sum, byName) => sum + (isRecord(byName) ? Object.keys(byName).length : 0), 0) : 0;
    return [{ name: match[1]!, dir: `${terraformRoot}/${match[1]}`, stateKey: String(at(value, 'terraform', 'backend', 's3', 'key') ?? ''), reads, resources: count }];
  });
  const byKey = new Map(stacks.map((s) => [s.stateKey, s.name]));
  const facts = stacks.map((s) => ({
    name: s.name,
    dir: s.dir,
    stateKey: s.stateKey,
    dependsOn: [...new Set(s.reads.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : [])))].sort(compareStrings),
    externalStates: [...new Set(s.reads.filter((k) => !byKey.has(k)))].sort(compareStrings),
    resources: s.resources,
  }));
  return dependencyOrder(facts);
}

/** Stacks whose dependencies come first; ties (and any cycle's members) by name. */
function dependencyOrder(stacks: StackFact[]): StackFact[] {
  const remaining = [...stacks].sort((a, b) => compareStrings(a.name, b.name));
  const placed = new Set<string>();
  const ordered: StackFact[] = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex((s) => s.dependsOn.every((d) => placed.has(d)));
    const [next] = remaining.splice(index === -1 ? 0 : index, 1);
    placed.add(next!.name);
    ordered.push(next!);
  }
  return ordered;
}
