/**
 * Tags on every AWS resource of an environment, whoever creates it (Terraform's provider default
 * tags, the instances and volumes Karpenter launches): ownership, cost allocation and provenance.
 */
import type { ResolvedEnvironment } from './model/types.js';

/** `managedBy`: the tool that creates the resource; `source`: what generated its configuration, from which file. */
export function resourceTags(env: ResolvedEnvironment, managedBy: string, generator: string): Record<string, string> {
  return {
    environment: env.name,
    owner: env.owners.team,
    'cost-center': env.owners.costCenter,
    'managed-by': managedBy,
    source: `${generator} from ${env.file}`,
  };
}
