/**
 * Regular expressions the schemas use, each with the words a user sees when a value does not match.
 * Keeping pattern and description together means every error message says what was expected.
 */
export interface NamedPattern {
  pattern: string;
  expected: string;
}

const pattern = (regex: string, expected: string): NamedPattern => ({ pattern: regex, expected });

export const PATTERNS = {
  cidr: pattern(
    '^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$',
    'an IPv4 CIDR such as 10.0.0.0/16',
  ),
  accountId: pattern('^[0-9]{12}$', 'a 12-digit AWS account id'),
  region: pattern('^[a-z]{2}(-[a-z]+)+-[0-9]$', 'an AWS region such as eu-west-1'),
  availabilityZone: pattern('^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$', 'an availability zone such as eu-west-1a'),
  environmentName: pattern('^[a-z](-?[a-z0-9]){0,11}$', 'a lowercase name of at most 12 characters (a-z, 0-9, single dashes), such as qa or prod-eu'),
  dnsLabel: pattern('^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$', 'a lowercase DNS label (a-z, 0-9, -; at most 63 characters)'),
  domain: pattern('^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z]{2,}$', 'a lowercase DNS domain such as dev.example.com'),
  githubOwner: pattern('^@[A-Za-z0-9][-A-Za-z0-9_.]*(/[A-Za-z0-9][-A-Za-z0-9_.]*)?$', 'a GitHub user or team such as @acme/platform'),
  email: pattern('^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', 'an e-mail address'),
  k8sVersion: pattern('^1\\.[0-9]{2}$', 'a Kubernetes minor version such as 1.35'),
  engineVersion: pattern('^[0-9]+\\.[0-9]+(\\.[0-9]+)?$', 'an engine version such as 16.4 or 3.6.0'),
  instanceType: pattern('^(db\\.|cache\\.|kafka\\.)?[a-z][a-z0-9-]*\\.[a-z0-9]+$', 'an instance type such as m6i.large'),
  cpuQuantity: pattern('^([0-9]+m|[0-9]+(\\.[0-9]+)?)$', 'a CPU quantity such as 250m or 2'),
  memoryQuantity: pattern('^[0-9]+(Ki|Mi|Gi|Ti)$', 'a memory quantity such as 512Mi or 4Gi'),
  exactVersion: pattern('^v?[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$', 'an exact version such as 1.2.3 (no ranges)'),
  imageTag: pattern('^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$', 'an image tag such as 1.4.2'),
  isoDate: pattern('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', 'a date as YYYY-MM-DD'),
  policyRuleId: pattern('^[A-Z][A-Z0-9]*-[0-9]{3}$', 'a policy rule id such as K8S-001, TF-003 or GITOPS-002'),
  httpPath: pattern('^/[-a-zA-Z0-9_./]*$', 'an absolute HTTP path such as /healthz'),
  labelKey: pattern('^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$', 'a Kubernetes label key'),
  labelValue: pattern('^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$', 'a Kubernetes label value'),
  configKey: pattern('^[-._a-zA-Z0-9]+$', 'a ConfigMap key (letters, digits, -, _ and .)'),
  iamRoleArn: pattern(
    '^arn:aws:iam::[0-9]{12}:role/(aws-reserved/sso\\.amazonaws\\.com/([a-z]{2}(-[a-z]+)+-[0-9]/)?)?[A-Za-z0-9+=,.@_-]{1,64}$',
    'an IAM role ARN such as arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef',
  ),
  httpsUrl: pattern('^https://[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]+)?(/[-A-Za-z0-9._~/]*)?$', 'an https:// URL such as https://acme.okta.com/oauth2/default'),
  groupName: pattern('^[A-Za-z0-9][-A-Za-z0-9_.:@]{0,127}$', 'an identity-provider group name (letters, digits, - _ . : @)'),
  iamName: pattern('^[A-Za-z0-9+=,.@_-]{1,64}$', 'an IAM role name'),
  weeklyWindow: pattern(
    '^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$',
    'a weekly UTC window ddd:hh24:mi-ddd:hh24:mi such as sun:03:00-sun:04:00',
  ),
  dailyWindow: pattern('^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$', 'a daily UTC window hh24:mi-hh24:mi such as 01:00-02:00'),
  labelName: pattern('^[a-z][a-z0-9-]*$', 'a team name as in the service definitions (lowercase letters, digits and -)'),
} as const;

/** Maps a pattern back to its description, for error messages. */
export const EXPECTED_BY_PATTERN: ReadonlyMap<string, string> = new Map(
  Object.values(PATTERNS).map((p) => [p.pattern, p.expected]),
);
