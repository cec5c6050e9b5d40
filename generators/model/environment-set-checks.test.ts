/**
 * The checks across environments (environment-set-checks.ts) and service entries against them
 * (service-environment-checks.ts), on the repository's real inputs with one mistake each: one exact
 * line per problem. Names are taken from the inputs, so the cases hold for any valid repository
 * with at least two environments.
 */
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../environments/types.js';
import { problems, realInputs, type Inputs } from '../../tests/support/inputs.js';
import { loadPlatform } from './load.js';
import { previousStage, promotionOrder } from './promotion.js';

const ordered = (inputs: Inputs) => promotionOrder(inputs.environments.map((e) => ({ ...e.value, file: e.file })));
const real = ordered(realInputs());
const first = real[0]!;
const second = real[1]!;
const last = real[real.length - 1]!;
const host = real.find((e) => e.hostsPlatformTooling)!;
const notHost = real.find((e) => !e.hostsPlatformTooling)!;
const byName = (inputs: Inputs, name: string): Environment => inputs.environments.find((e) => e.value.name === name)!.value;

describe('environments as a set', () => {
  it('the shipped environments form one promotion tree with one tooling host', () => {
    expect(problems(() => {})).toEqual([]);
    expect(real.filter((e) => e.promotesFrom === null)).toHaveLength(1);
    expect(real.filter((e) => e.hostsPlatformTooling)).toHaveLength(1);
  });

  it('refuses a second first stage', () => {
    expect(problems((i) => (byName(i, second.name).promotesFrom = null))).toEqual(
      [first, second]
        .map((e) => e.file)
        .sort()
        .map((file) => `${file}: promotesFrom: ${[first.name, second.name].sort().join(', ')} all have promotesFrom: null; expected exactly one first stage (set promotesFrom to the environment this one follows)`),
    );
  });

  it('refuses a cycle in the promotion order', () => {
    // The first stage promotes from the last: nothing is first any more, and every stage is on the cycle.
    const lines = problems((i) => (byName(i, first.name).promotesFrom = last.name));
    expect(lines).toContain(`${first.file}: promotesFrom: no environment is the first stage; expected exactly one environment with promotesFrom: null`);
    const cycle = [...real.map((e) => e.name)].reverse();
    expect(lines).toContain(`${last.file}: promotesFrom: promotion cycle ${[...cycle, last.name].join(' ← ')}; expected a chain from the first stage`);
  });

  const next = real.find((e) => e.promotesFrom === second.name);
  it.skipIf(!next)('refuses a cycle between two later stages, one line on each', () => {
    const lines = problems((i) => (byName(i, second.name).promotesFrom = next!.name));
    expect(lines).toEqual(
      [
        `${second.file}: promotesFrom: promotion cycle ${second.name} ← ${next!.name} ← ${second.name}; expected a chain from the first stage`,
        `${next!.file}: promotesFrom: promotion cycle ${next!.name} ← ${second.name} ← ${next!.name}; expected a chain from the first stage`,
      ].sort(),
    );
  });

  it('refuses a promotesFrom that names no environment, or the environment itself', () => {
    const names = real.map((e) => e.name).sort().join(', ');
    expect(problems((i) => (byName(i, second.name).promotesFrom = 'nowhere'))).toEqual([
      `${second.file}: promotesFrom: no environment named "nowhere"; expected one of ${names} or null`,
    ]);
    expect(problems((i) => (byName(i, second.name).promotesFrom = second.name))).toEqual([
      `${second.file}: promotesFrom: "${second.name}" is this environment; expected the environment it follows`,
    ]);
  });

  it('refuses two tooling hosts, and none', () => {
    const two = [host, notHost].sort((a, b) => (a.file < b.file ? -1 : 1));
    expect(problems((i) => (byName(i, notHost.name).hostsPlatformTooling = true))).toEqual(
      two.map((e) => `${e.file}: hostsPlatformTooling: ${[host.name, notHost.name].sort().join(', ')} all host the platform tooling; expected exactly one environment with hostsPlatformTooling: true`),
    );
    expect(problems((i) => (byName(i, host.name).hostsPlatformTooling = false))).toEqual(
      real.map((e) => e.file).sort().map((file) => `${file}: hostsPlatformTooling: no environment hosts the platform tooling; expected exactly one with hostsPlatformTooling: true`),
    );
  });

  it('refuses VPC CIDRs that overlap another environment’s', () => {
    const lines = problems((i) => {
      const env = byName(i, second.name);
      const other = byName(i, first.name);
      env.network.vpcCidr = other.network.vpcCidr;
      // Keep the subnet plan inside the copied VPC, one subnet per zone, so only the overlap is wrong.
      const zones = env.aws.availabilityZones.length;
      const [a, b] = other.network.vpcCidr.split('.');
      env.network.subnets = {
        public: Array.from({ length: zones }, (_, z) => `${a}.${b}.${z}.0/24`),
        private: Array.from({ length: zones }, (_, z) => `${a}.${b}.${16 * (z + 1)}.0/20`),
        database: Array.from({ length: zones }, (_, z) => `${a}.${b}.${64 + z}.0/24`),
      };
    });
    expect(lines).toEqual([
      `${second.file}: network.vpcCidr: ${first.network.vpcCidr} overlaps ${first.name}'s ${first.network.vpcCidr} (${first.file}); expected a VPC CIDR no other environment uses`,
    ]);
  });

  it('refuses an environment whose name is not its file name, in one line', () => {
    expect(problems((i) => (byName(i, second.name).name = `${second.name}x`))).toEqual([
      `${second.file}: name: expected "${second.name}" (the file name), got "${second.name}x"`,
    ]);
  });

  it('refuses a duplicate name between in-memory environments (no file to tell them apart)', () => {
    const inputs = realInputs();
    const copy = structuredClone(inputs.environments.find((e) => e.value.name === second.name)!);
    inputs.environments.push({ file: 'fixture', value: { ...copy.value, network: { ...copy.value.network, vpcCidr: '10.250.0.0/16' } } });
    expect(() => loadPlatform(inputs.environments, inputs.services)).toThrow(`fixture: name: duplicate environment name "${second.name}" (also in ${second.file})`);
  });
});

describe('service entries per environment', () => {
  it('may be left out for any stage after the first: it runs what the stage it promotes from runs', () => {
    const inputs = realInputs();
    const service = inputs.services[0]!;
    delete service.value.environments[second.name];
    const model = loadPlatform(inputs.environments, inputs.services);
    const inherited = model.environments.find((e) => e.name === second.name)!.services.find((s) => s.name === service.value.name)!;
    const from = previousStage(model, second.name)!.services.find((s) => s.name === service.value.name)!;
    expect(inherited.imageTag).toBe(from.imageTag);
  });

  it('are required for the first stage, and must name existing environments', () => {
    const service = realInputs().services[0]!;
    expect(problems((i) => delete i.services[0]!.value.environments[first.name])).toEqual(
      // Every stage without an entry of its own up the chain is reported where it is missing.
      real
        .filter((e) => !Object.keys(service.value.environments).some((n) => n !== first.name && previousChain(e.name).includes(n)))
        .map((e) => `${service.file}: environments.${e.name}: missing: expected { imageTag: ... } for ${e.name} (or for a stage it is promoted from)`)
        .sort(),
    );
    expect(problems((i) => (i.services[0]!.value.environments['nowhere'] = { imageTag: '1.0.0' }))).toEqual([
      `${service.file}: environments.nowhere: no environment named "nowhere"; expected one of ${real.map((e) => e.name).sort().join(', ')}`,
    ]);
  });
});

/** `name` and the stages before it. */
function previousChain(name: string): string[] {
  const chain: string[] = [];
  let current = real.find((e) => e.name === name);
  while (current && !chain.includes(current.name)) {
    chain.push(current.name);
    current = real.find((e) => e.name === current!.promotesFrom);
  }
  return chain;
}
