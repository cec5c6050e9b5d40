/**
 * Checks across all environments (each already schema-valid): unique names, a promotion order that
 * is a tree (exactly one first stage, every `promotesFrom` an existing environment, no cycles),
 * exactly one host of the platform tooling, and VPC CIDRs that do not overlap. No two VPCs may
 * overlap anywhere, not only within an account or region: environments are not peered today, but any
 * two of them can then be peered or share a VPN later without renumbering a VPC.
 */
import type { Environment } from '../../environments/types.js';
import { overlaps, parseCidr } from './cidr.js';
import type { Problem } from './problem.js';
import { stagesBack } from './promotion.js';
import type { Sourced } from './service-checks.js';

export function environmentSetProblems(environments: Sourced<Environment>[]): Problem[] {
  return [...duplicateNames(environments), ...promotionProblems(environments), ...toolingProblems(environments), ...cidrProblems(environments)];
}

function duplicateNames(environments: Sourced<Environment>[]): Problem[] {
  return environments.flatMap((env, i) => {
    const first = environments.findIndex((other) => other.value.name === env.value.name);
    return first === i ? [] : [{ file: env.file, path: 'name', message: `duplicate environment name "${env.value.name}" (also in ${environments[first]!.file})` }];
  });
}

function promotionProblems(environments: Sourced<Environment>[]): Problem[] {
  const problems: Problem[] = [];
  const names = environments.map((e) => e.value.name);
  const firsts = environments.filter((e) => e.value.promotesFrom === null);
  if (environments.length > 0 && firsts.length === 0) {
    for (const { file } of environments) problems.push({ file, path: 'promotesFrom', message: 'no environment is the first stage; expected exactly one environment with promotesFrom: null' });
  }
  if (firsts.length > 1) {
    const list = firsts.map((e) => e.value.name).sort().join(', ');
    for (const { file } of firsts) problems.push({ file, path: 'promotesFrom', message: `${list} all have promotesFrom: null; expected exactly one first stage (set promotesFrom to the environment this one follows)` });
  }
  for (const { file, value: env } of environments) {
    const from = env.promotesFrom;
    if (from === null) continue;
    if (from === env.name) problems.push({ file, path: 'promotesFrom', message: `"${from}" is this environment; expected the environment it follows` });
    else if (!names.includes(from)) problems.push({ file, path: 'promotesFrom', message: `no environment named "${from}"; expected one of ${[...names].sort().join(', ')} or null` });
    else {
      // Walking back from an environment on a cycle ends where it started.
      const chain = stagesBack(environments.map((e) => e.value), env.name);
      if (chain[chain.length - 1]!.promotesFrom === env.name) {
        problems.push({ file, path: 'promotesFrom', message: `promotion cycle ${[...chain.map((e) => e.name), env.name].join(' ← ')}; expected a chain from the first stage` });
      }
    }
  }
  return problems;
}

function toolingProblems(environments: Sourced<Environment>[]): Problem[] {
  const hosts = environments.filter((e) => e.value.hostsPlatformTooling);
  if (environments.length === 0 || hosts.length === 1) return [];
  if (hosts.length === 0) {
    return environments.map(({ file }) => ({ file, path: 'hostsPlatformTooling', message: 'no environment hosts the platform tooling; expected exactly one with hostsPlatformTooling: true' }));
  }
  const list = hosts.map((e) => e.value.name).sort().join(', ');
  return hosts.map(({ file }) => ({ file, path: 'hostsPlatformTooling', message: `${list} all host the platform tooling; expected exactly one environment with hostsPlatformTooling: true` }));
}

function cidrProblems(environments: Sourced<Environment>[]): Problem[] {
  const problems: Problem[] = [];
  const seen: { name: string; file: string; cidr: NonNullable<ReturnType<typeof parseCidr>> }[] = [];
  for (const { file, value: env } of environments) {
    const cidr = parseCidr(env.network.vpcCidr);
    if (!cidr) continue;
    for (const other of seen) {
      if (overlaps(other.cidr, cidr)) {
        problems.push({ file, path: 'network.vpcCidr', message: `${cidr.text} overlaps ${other.name}'s ${other.cidr.text} (${other.file}); expected a VPC CIDR no other environment uses` });
      }
    }
    seen.push({ name: env.name, file, cidr });
  }
  return problems;
}
