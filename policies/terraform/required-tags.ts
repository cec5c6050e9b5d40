/**
 * TF-012: everything taggable carries the required tags.
 *
 * The AWS provider's `default_tags` put the tags on every resource that supports tags, so the
 * rule checks what can actually go wrong: a stack whose provider lacks them, a resource that
 * overrides one with another value, and the things default_tags never reach, namely EC2 instances
 * and volumes launched from launch templates, Auto Scaling groups, and EKS node groups without a
 * launch template.
 */

import type { TerraformBlock, TerraformStack } from '../engine/terraform.js';
import type { Finding, Rule } from '../engine/types.js';
import { blocks, dict, isDict, isTrue, str, type Dict } from '../engine/values.js';
import { blockFinding } from './finding.js';

export const REQUIRED_TAGS = ['environment', 'owner', 'cost-center', 'managed-by', 'source'] as const;
/** Resource types whose tags must be stamped on what they launch. */
const LAUNCHED_RESOURCE_TYPES = ['instance', 'volume'];

/** Problems of a tag set: required keys missing or empty, environment not this one. */
function tagProblems(tags: Dict, environment: string | null): string[] {
  const missing = REQUIRED_TAGS.filter((key) => typeof tags[key] !== 'string' || tags[key] === '');
  const wrongEnvironment = environment !== null && typeof tags.environment === 'string' && tags.environment !== '' && tags.environment !== environment;
  return [
    ...(missing.length > 0 ? [`missing tags ${missing.join(', ')}`] : []),
    ...(wrongEnvironment ? [`tag environment is "${tags.environment as string}", not "${environment}"`] : []),
  ];
}

interface ProviderConfig {
  id: string;
  alias: string | undefined;
  tags: Dict;
}

function providers(stack: TerraformStack): ProviderConfig[] {
  return blocks(dict(stack.json.provider).aws).map((config) => {
    const alias = str(config.alias);
    return { id: alias ? `provider.aws.${alias}` : 'provider.aws', alias, tags: blocks(config.default_tags).reduce<Dict>((all, d) => ({ ...all, ...dict(d.tags) }), {}) };
  });
}

const hasAwsResources = (stack: TerraformStack) => Object.keys(dict(stack.json.resource)).some((type) => type.startsWith('aws_'));

function providerFindings(stack: TerraformStack, environment: string | null): Finding[] {
  const configs = providers(stack);
  if (configs.length === 0) return hasAwsResources(stack) ? [{ file: stack.file, resource: 'provider.aws', message: 'no AWS provider with default_tags' }] : [];
  return configs.flatMap((p) => tagProblems(p.tags, environment).map((m) => ({ file: stack.file, resource: p.id, message: `default_tags: ${m}` })));
}

/** A resource's own tags may add keys, but must not change a required one. */
function overrideFindings(block: TerraformBlock): Finding[] {
  if (!isDict(block.attrs.tags)) return [];
  const alias = /^aws\.(.+)$/.exec(str(block.attrs.provider) ?? '')?.[1];
  const defaults = providers(block.stack).find((p) => p.alias === alias)?.tags ?? {};
  const tags = block.attrs.tags;
  return REQUIRED_TAGS.filter((key) => key in tags && tags[key] !== defaults[key]).map((key) =>
    blockFinding(block, `tags.${key} overrides the default tag ("${String(tags[key])}" instead of "${String(defaults[key] ?? '')}")`),
  );
}

function launchTemplateFindings(block: TerraformBlock, environment: string | null): Finding[] {
  const specs = blocks(block.attrs.tag_specifications);
  return LAUNCHED_RESOURCE_TYPES.flatMap((type) => {
    const spec = specs.find((s) => s.resource_type === type);
    if (!spec) return [blockFinding(block, `no tag_specifications for ${type}s (default_tags do not reach what a launch template launches)`)];
    return tagProblems(dict(spec.tags), environment).map((m) => blockFinding(block, `tag_specifications for ${type}s: ${m}`));
  });
}

function autoscalingGroupFindings(block: TerraformBlock, environment: string | null): Finding[] {
  const propagated = Object.fromEntries(blocks(block.attrs.tag).filter((t) => isTrue(t.propagate_at_launch)).map((t) => [String(t.key), t.value]));
  return tagProblems(propagated, environment).map((m) => blockFinding(block, `tags propagated at launch: ${m}`));
}

export const requiredTags: Rule = {
  id: 'TF-012',
  severity: 'error',
  area: 'terraform',
  title: 'Required tags on everything taggable',
  checks: `Every stack's AWS provider sets \`default_tags\` with ${REQUIRED_TAGS.join(', ')} (non-empty, environment = the stack's environment), which tags every taggable resource; no resource overrides one of them with another value; and what default_tags do not reach is tagged explicitly: launch templates tag the instances and volumes they launch, Auto Scaling groups propagate the tags at launch, and EKS node groups use a launch template.`,
  why: 'Cost allocation, ownership during incidents and access policies keyed on tags all break on an untagged or mis-tagged resource.',
  fix: 'Create stacks with the shared `createStack` (it sets default_tags); add `tag_specifications` for instance and volume to launch templates; do not set required keys in a resource\'s own tags.',
  check: ({ environment, terraform }) => [
    ...terraform.stacks.flatMap((stack) => providerFindings(stack, environment)),
    ...terraform.resources().flatMap(overrideFindings),
    ...terraform.resources('aws_launch_template').flatMap((b) => launchTemplateFindings(b, environment)),
    ...terraform.resources('aws_autoscaling_group').flatMap((b) => autoscalingGroupFindings(b, environment)),
    ...terraform
      .resources('aws_eks_node_group')
      .filter((b) => blocks(b.attrs.launch_template).length === 0)
      .map((b) => blockFinding(b, 'no launch_template: the nodes\' instances and volumes would be untagged')),
  ],
};
