/**
 * What AWS and Kubernetes accept as a name, per kind of name: length and character set, from each
 * service's API reference (CreateRole, CreateBucket bucket naming rules, CreateDBCluster /
 * CreateDBInstance identifiers, CreateReplicationGroup, CreateClusterV2, CreateLoadBalancer,
 * CreateTargetGroup, CreateNodegroup, Kubernetes DNS-1123/DNS-1035 names and label values).
 */
export type NameKind =
  | 'iam-role'
  | 's3-bucket'
  | 'rds-identifier'
  | 'rds-snapshot'
  | 'elasticache-replication-group'
  | 'msk-cluster'
  | 'load-balancer'
  | 'target-group'
  | 'eks-cluster'
  | 'eks-node-group'
  | 'launch-template'
  | 'sqs-queue'
  | 'dns-name'
  | 'acm-domain'
  | 'k8s-dns-label'
  | 'k8s-service'
  | 'k8s-dns-subdomain'
  | 'k8s-label-value';

interface NameRule {
  what: string;
  max: number;
  /** Characters and shape, with words for the message. */
  shape: RegExp;
  expected: string;
  /** Extra refusals: [pattern, message]. */
  forbidden?: [RegExp, string][];
}

const LETTER_HYPHEN_ID = /^[A-Za-z][A-Za-z0-9-]*$/;
const NO_DOUBLE_HYPHEN_OR_TRAILING: [RegExp, string][] = [
  [/--/, 'two consecutive hyphens'],
  [/-$/, 'a trailing hyphen'],
];

export const NAME_RULES: Readonly<Record<NameKind, NameRule>> = {
  'iam-role': { what: 'IAM role name', max: 64, shape: /^[A-Za-z0-9+=,.@_-]+$/, expected: 'letters, digits and +=,.@_-' },
  's3-bucket': {
    what: 'S3 bucket name',
    max: 63,
    shape: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    expected: '3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
    forbidden: [
      [/\.\./, 'two adjacent dots'],
      [/^\d+\.\d+\.\d+\.\d+$/, 'the form of an IP address'],
      [/^(xn--|sthree-|amzn-s3-demo-)/, 'a prefix S3 reserves (xn--, sthree-, amzn-s3-demo-)'],
      [/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/, 'a suffix S3 reserves (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)'],
    ],
  },
  'rds-identifier': {
    what: 'RDS cluster/instance identifier',
    max: 63,
    shape: LETTER_HYPHEN_ID,
    expected: 'a letter, then letters, digits and hyphens',
    forbidden: NO_DOUBLE_HYPHEN_OR_TRAILING,
  },
  'rds-snapshot': {
    what: 'RDS snapshot identifier',
    max: 255,
    shape: LETTER_HYPHEN_ID,
    expected: 'a letter, then letters, digits and hyphens',
    forbidden: NO_DOUBLE_HYPHEN_OR_TRAILING,
  },
  'elasticache-replication-group': {
    what: 'ElastiCache replication group id',
    max: 40,
    shape: LETTER_HYPHEN_ID,
    expected: 'a letter, then letters, digits and hyphens',
    forbidden: NO_DOUBLE_HYPHEN_OR_TRAILING,
  },
  'msk-cluster': { what: 'MSK cluster name', max: 64, shape: /^[0-9A-Za-z][0-9A-Za-z-]*$/, expected: 'letters, digits and hyphens, not starting with a hyphen' },
  'load-balancer': {
    what: 'load balancer name',
    max: 32,
    shape: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
    expected: 'letters, digits and hyphens, not starting or ending with a hyphen',
    forbidden: [[/^internal-/, 'the prefix internal-']],
  },
  'target-group': {
    what: 'target group name',
    max: 32,
    shape: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
    expected: 'letters, digits and hyphens, not starting or ending with a hyphen',
  },
  'eks-cluster': { what: 'EKS cluster name', max: 100, shape: /^[0-9A-Za-z][A-Za-z0-9_-]*$/, expected: 'letters, digits, _ and -, starting with a letter or digit' },
  'eks-node-group': { what: 'EKS node group name', max: 63, shape: /^[0-9A-Za-z][A-Za-z0-9_-]*$/, expected: 'letters, digits, _ and -, starting with a letter or digit' },
  'launch-template': { what: 'launch template name', max: 128, shape: /^[A-Za-z0-9().\/_-]+$/, expected: 'letters, digits and ()./_-' },
  'sqs-queue': { what: 'SQS queue name', max: 80, shape: /^[A-Za-z0-9_-]+$/, expected: 'letters, digits, _ and -' },
  'dns-name': {
    what: 'DNS name',
    max: 253,
    shape: /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    expected: 'dot-separated labels of at most 63 lowercase letters, digits and hyphens',
  },
  'acm-domain': {
    what: 'ACM certificate domain (its first name is the certificate subject)',
    max: 64,
    shape: /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    expected: 'a DNS name of labels of at most 63 characters',
  },
  'k8s-dns-label': { what: 'Kubernetes name (DNS-1123 label)', max: 63, shape: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, expected: 'lowercase letters, digits and -, starting and ending with a letter or digit' },
  'k8s-service': { what: 'Kubernetes Service name (DNS-1035 label)', max: 63, shape: /^[a-z]([-a-z0-9]*[a-z0-9])?$/, expected: 'lowercase letters, digits and -, starting with a letter' },
  'k8s-dns-subdomain': {
    what: 'Kubernetes object name (DNS-1123 subdomain)',
    max: 253,
    shape: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    expected: 'dot-separated lowercase DNS labels',
  },
  'k8s-label-value': {
    what: 'Kubernetes label value',
    max: 63,
    shape: /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/,
    expected: 'letters, digits, -, _ and ., starting and ending with a letter or digit',
  },
};

/** Why AWS or Kubernetes would refuse `name` as a `kind`, or undefined. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const rule = NAME_RULES[kind];
  if (name.length > rule.max) return `${rule.what} "${name}" is ${name.length} characters; at most ${rule.max} are allowed`;
  if (!rule.shape.test(name)) return `${rule.what} "${name}" is invalid; expected ${rule.expected}`;
  const forbidden = rule.forbidden?.find(([pattern]) => pattern.test(name));
  if (forbidden) return `${rule.what} "${name}" is invalid: it has ${forbidden[1]}`;
  return undefined;
}
