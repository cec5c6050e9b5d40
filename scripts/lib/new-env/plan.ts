/**
 * `pnpm new-env` before anything is written: from the request and the repository's raw sources,
 * the new environment's value and file text, validated exactly as synth validates (the same
 * one-line problems), with the model that includes it. Pure apart from the `readSource` it is given.
 */
import type { Environment } from '../../../environments/types.js';
import { PATTERNS } from '../../../environments/patterns.js';
import { checkAwsValues } from '../../../generators/model/aws-value-checks.js';
import { AWS_REGION_ZONES, regionExists } from '../../../generators/model/aws/regions.js';
import { loadPlatform } from '../../../generators/model/load.js';
import { ConfigError, type Problem } from '../../../generators/model/problem.js';
import type { Sourced } from '../../../generators/model/service-checks.js';
import type { PlatformModel } from '../../../generators/model/types.js';
import { SUPPORT_MODULES } from '../environment-files.mjs';
import { UsageError } from '../cli.js';
import { freeVpcCidr, subnetPlan, vpcCidrProblem } from './address-plan.js';
import { newEnvironmentSource, renamed, withRolesMovedToAccount, type Identity } from './environment-source.js';

const ACCOUNT_ID = /^\d{12}$/;

export interface NewEnvironmentRequest {
  name: string;
  from: string;
  account: string;
  region: string;
  /** The VPC CIDR; a free one is picked when absent. */
  cidr?: string | undefined;
  /** The environment it promotes from; default: what `from` promotes from (a sibling of `from`). */
  after?: string | undefined;
}

export interface NewEnvironmentPlan {
  file: string;
  text: string;
  value: Environment;
  /** The validated model with the new environment. */
  model: PlatformModel;
}

const fileOf = (name: string) => `environments/${name}.ts`;

/**
 * `environments`, `services`: the repository's raw sources (as the loading layer imported them);
 * `exists`: whether a repository path exists; `readSource`: a source file's text.
 */
export function planNewEnvironment(
  request: NewEnvironmentRequest,
  sources: { environments: Sourced<unknown>[]; services: Sourced<unknown>[] },
  io: { exists: (path: string) => boolean; readSource: (path: string) => string },
): NewEnvironmentPlan {
  const { name } = request;
  const file = fileOf(name);
  if (!new RegExp(PATTERNS.environmentName.pattern).test(name)) throw new UsageError(`${file}: name: expected ${PATTERNS.environmentName.expected} (got "${name}")`);
  if (SUPPORT_MODULES.includes(name)) throw new UsageError(`${file}: name: "${name}" is a support module of environments/; choose another name`);
  const existing = sources.environments.find((e) => e.file === file);
  if (existing || io.exists(file)) throw new UsageError(alreadyThere(file, existing?.value));

  const environments = sources.environments as Sourced<Environment>[];
  const names = environments.map((e) => e.value.name);
  const from = environments.find((e) => e.value.name === request.from);
  if (!from) throw new UsageError(`--from: no environment "${request.from}"; expected one of ${names.join(', ')}`);
  const after = request.after ?? from.value.promotesFrom;
  if (after === null) {
    throw new UsageError(`--after: ${from.value.name} is the first stage of the promotion order; say which environment ${name} promotes from (e.g. --after ${from.value.name})`);
  }
  if (!names.includes(after)) throw new UsageError(`--after: no environment "${after}"; expected one of ${names.join(', ')}`);

  const zones = availabilityZones(file, request.region, from.value);
  const vpcCidr = request.cidr ?? freeVpcCidr(environments.map((e) => e.value.network.vpcCidr));
  if (vpcCidr === undefined) throw new UsageError('--cidr: every /16 of 10.0.0.0/8 overlaps an environment; give one with --cidr');
  const cidrProblem = vpcCidrProblem(vpcCidr, zones.length);
  if (cidrProblem) throw new UsageError(`--cidr: ${cidrProblem}`);

  const id: Identity = {
    name,
    from: from.value.name,
    promotesFrom: after,
    accountId: request.account,
    fromAccountId: from.value.aws.accountId,
    region: request.region,
    availabilityZones: zones,
    vpcCidr,
    subnets: subnetPlan(vpcCidr, zones.length),
    domain: from.value.domain.startsWith(`${from.value.name}.`) ? `${name}.${from.value.domain.slice(from.value.name.length + 1)}` : `${name}.${from.value.domain}`,
    costCenter: renamed(from.value.owners.costCenter, from.value.name, name),
    alertEmail: renamed(from.value.owners.alertEmail, from.value.name, name),
  };
  const value: Environment = {
    ...structuredClone(from.value),
    name,
    promotesFrom: id.promotesFrom,
    hostsPlatformTooling: false,
    aws: { ...structuredClone(from.value.aws), accountId: id.accountId, region: id.region, availabilityZones: zones },
    owners: { ...structuredClone(from.value.owners), costCenter: id.costCenter, alertEmail: id.alertEmail },
    domain: id.domain,
    network: { ...structuredClone(from.value.network), vpcCidr, subnets: id.subnets },
    // People's SSO roles move to the new account (a malformed --account is reported on aws.accountId alone).
    access: ACCOUNT_ID.test(id.accountId)
      ? (JSON.parse(withRolesMovedToAccount(JSON.stringify(from.value.access), id.fromAccountId, id.accountId)) as Environment['access'])
      : from.value.access,
  };
  // The same validation as synth: schema, per-environment and set-wide checks, services against environments.
  const model = loadPlatform([...sources.environments, { file, value }], sources.services);

  const source = newEnvironmentSource(io.readSource(from.file), id);
  if (source.missing.length > 0) {
    throw new UsageError(`${from.file}: new-env copies this file but cannot find exactly one ${source.missing.join(', ')} in it; write ${file} by hand (copy ${from.file})`);
  }
  return { file, text: source.text, value, model };
}

function alreadyThere(file: string, value: unknown): string {
  const env = value as Partial<Environment> | undefined;
  const where = env?.aws ? ` (account ${env.aws.accountId}, ${env.aws.region}${env.promotesFrom ? `, promotes from ${env.promotesFrom}` : ''})` : '';
  return `${file} already exists${where}: nothing was written; edit it, or choose another name`;
}

/** As many zones of `region` as `from` has (the first ones), or the same problem synth reports for an unknown region. */
function availabilityZones(file: string, region: string, from: Environment): string[] {
  const count = from.aws.availabilityZones.length;
  if (!regionExists(region)) {
    const problems = checkAwsValues(file, { ...from, aws: { ...from.aws, region, availabilityZones: [] } }).filter((p: Problem) => p.path === 'aws.region');
    throw new ConfigError(problems.length > 0 ? problems : [{ file, path: 'aws.region', message: `no AWS region "${region}"` }]);
  }
  const letters = [...AWS_REGION_ZONES[region]!];
  if (letters.length < count) {
    throw new ConfigError([{ file, path: 'aws.availabilityZones', message: `${region} has ${letters.length} availability zones; --from has ${count} (choose another region or environment to copy)` }]);
  }
  return letters.slice(0, count).map((letter) => `${region}${letter}`);
}
