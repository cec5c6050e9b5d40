/**
 * Snapshot of each environment's Terraform: per stack, every address, data source, remote-state
 * read and output. Addresses are state identities, so this snapshot is the review point for any
 * change that would create, destroy or move resources (a rename needs a `moved` block).
 */
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../environments/types.js';
import { generatedStacks, resources, type GeneratedStack } from './generated-stacks.js';

const stacks = generatedStacks();

function inventory(stack: GeneratedStack) {
  return {
    resources: resources(stack.json).map(([type, id]) => `${type}.${id}`).sort(),
    data: Object.entries(stack.json.data ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `data.${type}.${id}`)).sort(),
    outputs: Object.keys(stack.json.output ?? {}).sort(),
  };
}

describe.each(ENV_NAMES.map((env) => ({ env })))('$env', ({ env }) => {
  it('has the expected Terraform addresses in every stack', () => {
    const own = stacks.filter((s) => s.env === env);
    expect(Object.fromEntries(own.map((s) => [s.stack, inventory(s)]))).toMatchSnapshot();
  });
});
