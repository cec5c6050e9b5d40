/** Findings about Terraform blocks, and the common shape of a rule: checks per resource type. */
import type { TerraformBlock, TerraformEnvironment } from '../engine/terraform.js';
import type { Finding } from '../engine/types.js';

export const blockFinding = (block: TerraformBlock, message: string): Finding => ({ file: block.file, resource: block.address, message });

/** The problems of one block (the environment is there for lookups across blocks and stacks). */
export type BlockCheck = (block: TerraformBlock, tf: TerraformEnvironment) => string[];

/** Runs each check on every resource of its type, in table order then declaration order. */
export function checkEachType(tf: TerraformEnvironment, checks: Record<string, BlockCheck>): Finding[] {
  return Object.entries(checks).flatMap(([type, check]) => tf.resources(type).flatMap((block) => check(block, tf).map((message) => blockFinding(block, message))));
}
