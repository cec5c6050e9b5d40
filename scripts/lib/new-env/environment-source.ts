/**
 * The text of a new environment file, pure: the `--from` environment's file with its identity
 * replaced field by field, so the copy keeps the original's types, comments, imports and spreads
 * (`{ ...chartVersions }`, the shared policy exceptions). Every field it replaces must occur exactly
 * once in the original's layout; otherwise nothing is written and the problem says which field.
 */
import { camelCase } from '../sources.js';

export interface Identity {
  name: string;
  from: string;
  promotesFrom: string | null;
  accountId: string;
  /** The copied environment's account: its IAM role ARNs (access.*RoleArns) move to the new account. */
  fromAccountId: string;
  region: string;
  availabilityZones: string[];
  vpcCidr: string;
  subnets: { public: string[]; private: string[]; database: string[] };
  domain: string;
  costCenter: string;
  alertEmail: string;
}

const quoted = (value: string) => `'${value}'`;
const list = (values: string[]) => `[${values.map(quoted).join(', ')}]`;

interface Replacement {
  field: string;
  pattern: RegExp;
  replacement: string;
}

function replacements(id: Identity): Replacement[] {
  const promotion = id.promotesFrom === null ? 'The first stage of the promotion order' : `Promotion order: receives what ${id.promotesFrom} runs`;
  return [
    {
      field: 'the comment and export before the environment',
      pattern: /(?:\/\*\*(?:[^*]|\*(?!\/))*\*\/\n)?export const [A-Za-z_$][\w$]*: Environment = \{\n/,
      replacement: `/** ${id.name}: copied from ${id.from} by \`pnpm new-env\` (account ${id.accountId}, ${id.region}); say here what it is for. */\nexport const ${camelCase(id.name)}: Environment = {\n`,
    },
    { field: 'name', pattern: /^( {2}name: )'[^']*',$/m, replacement: `$1${quoted(id.name)},` },
    {
      field: 'promotesFrom',
      pattern: /^(?: {2}\/\*\*[^\n]*\*\/\n)?( {2}promotesFrom: )(?:null|'[^']*'),$/m,
      replacement: `  /** ${promotion}. */\n$1${id.promotesFrom === null ? 'null' : quoted(id.promotesFrom)},`,
    },
    { field: 'hostsPlatformTooling', pattern: /^( {2}hostsPlatformTooling: )(?:true|false),$/m, replacement: '$1false,' },
    { field: 'aws.accountId', pattern: /^( {4}accountId: )'[^']*',$/m, replacement: `$1${quoted(id.accountId)},` },
    { field: 'aws.region', pattern: /^( {4}region: )'[^']*',$/m, replacement: `$1${quoted(id.region)},` },
    { field: 'aws.availabilityZones', pattern: /^( {4}availabilityZones: )\[[^\]]*\],$/m, replacement: `$1${list(id.availabilityZones)},` },
    { field: 'network.vpcCidr', pattern: /^( {4}vpcCidr: )'[^']*',$/m, replacement: `$1${quoted(id.vpcCidr)},` },
    { field: 'network.subnets.public', pattern: /^( {6}public: )\[[^\]]*\],$/m, replacement: `$1${list(id.subnets.public)},` },
    { field: 'network.subnets.private', pattern: /^( {6}private: )\[[^\]]*\],$/m, replacement: `$1${list(id.subnets.private)},` },
    { field: 'network.subnets.database', pattern: /^( {6}database: )\[[^\]]*\],$/m, replacement: `$1${list(id.subnets.database)},` },
    { field: 'domain', pattern: /^( {2}domain: )'[^']*',$/m, replacement: `$1${quoted(id.domain)},` },
    { field: 'owners.costCenter', pattern: /(costCenter: )'[^']*'/, replacement: `$1${quoted(id.costCenter)}` },
    { field: 'owners.alertEmail', pattern: /(alertEmail: )'[^']*'/, replacement: `$1${quoted(id.alertEmail)}` },
  ];
}

/** The new file's text, or the fields the original's layout does not have exactly once. */
export function newEnvironmentSource(original: string, id: Identity): { text: string; missing: string[] } {
  let text = original;
  const missing: string[] = [];
  for (const { field, pattern, replacement } of replacements(id)) {
    const all = new RegExp(pattern.source, `${pattern.flags}g`);
    const count = [...text.matchAll(all)].length;
    if (count !== 1) missing.push(field);
    else text = text.replace(pattern, replacement);
  }
  return { text: withRolesMovedToAccount(text, id.fromAccountId, id.accountId), missing };
}

/**
 * `text` with every IAM role ARN of account `from` moved to account `to`: people's SSO roles
 * (access.adminRoleArns, access.readOnlyRoleArns) must be roles of the environment's own account.
 */
export function withRolesMovedToAccount(text: string, from: string, to: string): string {
  return text.split(`arn:aws:iam::${from}:`).join(`arn:aws:iam::${to}:`);
}

/** `s` with whole-word occurrences of environment name `from` replaced by `to` (cc-1001-staging → cc-1001-qa). */
export function renamed(s: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return s.replace(new RegExp(`(^|[^a-z0-9])${escaped}(?![a-z0-9])`, 'g'), `$1${to}`);
}
