/**
 * Terraform addresses are state identities: they must follow from names, never from positions in a
 * list. Adding a service and a node pool (the README's everyday changes) to the repository in
 * memory may add addresses but must not remove or rename any existing one in any stack, and every
 * resource of a service or pool carries its name. (Committed output is guarded by `synth --check`;
 * what an actual change destroys is shown by `pnpm env-diff`.)
 */
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generators/document.js';
import { renderFile } from '../../generators/render.js';
import { mapStepwise } from '../support/stepwise-synthesis.js';
import { repositoryModel, synthAll } from '../support/synth.js';
import { ADDED_POOL, ADDED_SERVICE, addNodePool, addService } from '../support/user-changes.js';
import type { TerraformJson } from '../terraform/generated-stacks.js';

/** Every address (resource, data source, output) per Terraform file. */
async function addresses(files: GeneratedFile[]): Promise<Map<string, string[]>> {
  const stacks = files.filter((f) => f.path.endsWith('.tf.json'));
  const lists = await mapStepwise(stacks, (file) => {
    const json = JSON.parse(renderFile(file)) as TerraformJson;
    return [
      ...Object.entries(json.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)),
      ...Object.entries(json.data ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `data.${type}.${id}`)),
      ...Object.keys(json.output ?? {}).map((name) => `output.${name}`),
    ];
  });
  return new Map(stacks.map((file, i) => [file.path, lists[i]!]));
}

const before = await addresses(await synthAll(repositoryModel()));
const after = await addresses(
  await synthAll(repositoryModel({ inputs: (inputs) => addService(inputs), environment: (env) => addNodePool(env) })),
);
const snake = (name: string) => name.replace(/-/g, '_');

describe('Terraform addresses after adding a service and a node pool', () => {
  it('keep every existing address of every stack', () => {
    expect(before.size).toBeGreaterThan(0);
    const lost = [...before].flatMap(([path, list]) => list.filter((address) => !(after.get(path) ?? []).includes(address)).map((a) => `${path}: ${a}`));
    expect(lost).toEqual([]);
  });

  it('add addresses only, and each one names the new service or pool', () => {
    const added = [...after].flatMap(([path, list]) => list.filter((address) => !(before.get(path) ?? []).includes(address)).map((a) => `${path}: ${a}`));
    expect(added.length).toBeGreaterThan(0);
    const named = new RegExp(`${snake(ADDED_SERVICE)}|_${ADDED_POOL}\\b|${ADDED_SERVICE}`);
    expect(added.filter((line) => !named.test(line))).toEqual([]);
  });

  it('give the new node pool a node group and launch template in every environment', () => {
    for (const [path, list] of after) {
      if (!path.endsWith('/cluster/main.tf.json')) continue;
      expect(list, path).toContain(`aws_eks_node_group.node_group_${ADDED_POOL}`);
      expect(list, path).toContain(`aws_launch_template.launch_template_${ADDED_POOL}`);
    }
  });
});
