/**
 * Label and tag values Kubernetes and AWS accept.
 *  - Kubernetes label (and taint) keys: an optional DNS-subdomain prefix (≤ 253) and `/`, then a name
 *    of ≤ 63 characters; values ≤ 63 characters of letters, digits, `-_.`, starting and ending with a
 *    letter or digit (or empty). Node labels under kubernetes.io/ or k8s.io/ are refused (the
 *    NodeRestriction admission plugin and Karpenter), except the kubelet.kubernetes.io/ and
 *    node.kubernetes.io/ namespaces.
 *  - AWS tags: keys ≤ 128 and values ≤ 256 characters of letters, digits, spaces and `_.:/=+-@`;
 *    keys must not start with `aws:`.
 */
import type { Environment } from '../../environments/types.js';
import { resourceTags } from '../aws-tags.js';
import { joinPath, type Problem } from './problem.js';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const KUBELET_ALLOWED = /^(kubelet\.kubernetes\.io|node\.kubernetes\.io)$/;
const AWS_TAG = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function labelKeyProblem(key: string, onNode: boolean): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `label key prefix "${prefix}" must be a DNS subdomain of at most 253 characters`;
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) return `label key name "${name}" must be 1-63 letters, digits, -, _ or ., starting and ending with a letter or digit`;
  if (onNode && prefix !== undefined && /(^|\.)(kubernetes\.io|k8s\.io)$/.test(prefix) && !KUBELET_ALLOWED.test(prefix)) {
    return `nodes may not label themselves under ${prefix}/ (only kubelet.kubernetes.io/ and node.kubernetes.io/ are allowed); use your own prefix`;
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `label value "${value}" is ${value.length} characters; Kubernetes allows at most 63`;
  if (!LABEL_VALUE.test(value)) return `label value "${value}" is invalid; expected letters, digits, -, _ and ., starting and ending with a letter or digit`;
  return undefined;
}

export function awsTagProblem(key: string, value: string): string | undefined {
  if (key.length === 0 || key.length > 128) return `AWS tag key "${key}" must be 1-128 characters`;
  if (key.toLowerCase().startsWith('aws:')) return `AWS tag key "${key}" uses the reserved aws: prefix`;
  if (!AWS_TAG.test(key)) return `AWS tag key "${key}" has characters AWS refuses; expected letters, digits, spaces and _.:/=+-@`;
  if (value.length > 256) return `AWS tag value of ${key} is ${value.length} characters; AWS allows at most 256`;
  if (!AWS_TAG.test(value)) return `AWS tag value "${value}" of ${key} has characters AWS refuses; expected letters, digits, spaces and _.:/=+-@`;
  return undefined;
}

/** Fields of the environment that become AWS tags (provider default tags) and their tag keys. */
const TAGGED_FIELDS: { path: string; tag: string }[] = [
  { path: 'owners.team', tag: 'owner' },
  { path: 'owners.costCenter', tag: 'cost-center' },
  { path: 'name', tag: 'environment' },
];

export function labelAndTagProblems(file: string, env: Environment): Problem[] {
  const problems: Problem[] = [];
  env.eks.nodePools.forEach((pool, i) => {
    const path = `eks.nodePools[${i}]`;
    for (const [key, value] of Object.entries(pool.labels)) {
      const problem = labelKeyProblem(key, true) ?? labelValueProblem(value);
      if (problem) problems.push({ file, path: joinPath(`${path}.labels`, key), message: problem });
    }
    pool.taints.forEach((taint, j) => {
      const problem = labelKeyProblem(taint.key, false) ?? labelValueProblem(taint.value);
      if (problem) problems.push({ file, path: `${path}.taints[${j}]`, message: problem.replace(/^label/, 'taint') });
    });
  });
  // The tags every resource carries, as the Terraform provider and Karpenter will send them.
  const tags = resourceTags({ ...env, file, services: [] }, 'terraform', 'terraform');
  for (const { path, tag } of TAGGED_FIELDS) {
    const problem = awsTagProblem(tag, tags[tag] ?? '');
    if (problem) problems.push({ file, path, message: problem });
  }
  return problems;
}
