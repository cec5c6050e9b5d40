/** A finding about one Terraform block: its file, its address, and the message. */
import type { TerraformBlock } from '../engine/terraform.js';
import type { Finding } from '../engine/types.js';

export const blockFinding = (block: TerraformBlock, message: string): Finding => ({ file: block.file, resource: block.address, message });

/** Checks applied to every block of some types; each returns the problems of one block. */
export type BlockCheck = (block: TerraformBlock) => string[];
