import { describe, expect, it } from 'vitest';
import { environment, problems, realInputs, service, type Inputs } from '../../tests/support/inputs.js';
import { loadPlatform } from './load.js';

/** The repository's service names as the loader lists them (derived, so adding a service changes no expectation here). */
const SERVICE_NAMES = realInputs().services.map((s) => s.value.name).sort();
/** How many services the gateway calls today (a new routed service adds one, as the README says). */
const GATEWAY_CALLS = service(realInputs(), 'api-gateway').dependencies.calls.length;


describe('loading the shipped configuration', () => {
  it('validates every environment and service', () => {
    const model = loadPlatform(realInputs().environments, realInputs().services);
    // Every environment file once, in promotion order: each after the one it promotes from.
    const names = model.environments.map((e) => e.name);
    expect([...names].sort()).toEqual(realInputs().environments.map((e) => e.value.name).sort());
    for (const env of model.environments) if (env.promotesFrom !== null) expect(names.indexOf(env.promotesFrom)).toBeLessThan(names.indexOf(env.name));
    for (const env of model.environments) expect(env.services.map((s) => s.name)).toEqual(SERVICE_NAMES);
  });

  it('resolves service settings: default ← service environment entry ← environment override', () => {
    const model = loadPlatform(realInputs().environments, realInputs().services);
    const dev = model.environments.find((e) => e.name === 'dev');
    const prod = model.environments.find((e) => e.name === 'prod');
    const gatewayDev = dev!.services.find((s) => s.name === 'api-gateway')!;
    const collectorProd = prod!.services.find((s) => s.name === 'data-collector')!;
    expect(gatewayDev.rateLimit).toEqual({ requestsPerSecond: 20, burst: 40 });
    expect(gatewayDev.replicas).toEqual({ min: 2, max: 6 });
    expect(collectorProd.replicas).toEqual({ min: 3, max: 20 });
    expect(collectorProd.imageTag).toBe('2.3.1');
    expect(collectorProd.rateLimit).toBeNull();
  });
});

describe('rejecting invalid configuration, one exact line per problem', () => {
  const cases: [string, (inputs: Inputs) => void, string[]][] = [
    [
      'a malformed CIDR',
      (i) => (environment(i, 'dev').network.vpcCidr = '10.10.0.0/33'),
      ['environments/dev.ts: network.vpcCidr: expected an IPv4 CIDR such as 10.0.0.0/16 (got "10.10.0.0/33")'],
    ],
    [
      'a VPC CIDR with host bits',
      (i) => (environment(i, 'dev').network.vpcCidr = '10.10.0.1/16'),
      ['environments/dev.ts: network.vpcCidr: 10.10.0.1/16 has host bits set; expected 10.10.0.0/16'],
    ],
    [
      'overlapping subnets',
      (i) => (environment(i, 'dev').network.subnets.database[0] = '10.10.1.0/24'),
      ['environments/dev.ts: network.subnets.database[0]: 10.10.1.0/24 overlaps network.subnets.public[1] (10.10.1.0/24)'],
    ],
    [
      'a subnet outside the VPC',
      (i) => (environment(i, 'staging').network.subnets.private[2] = '10.99.48.0/20'),
      ['environments/staging.ts: network.subnets.private[2]: 10.99.48.0/20 is not inside vpcCidr 10.20.0.0/16'],
    ],
    [
      'one availability zone',
      (i) => {
        const dev = environment(i, 'dev');
        dev.aws.availabilityZones = ['eu-west-1a'];
        for (const tier of ['public', 'private', 'database'] as const) dev.network.subnets[tier] = dev.network.subnets[tier].slice(0, 1);
      },
      ['environments/dev.ts: aws.availabilityZones: expected at least 2 availability zones, got 1'],
    ],
    [
      'two availability zones in prod',
      (i) => {
        const prod = environment(i, 'prod');
        prod.aws.availabilityZones = ['eu-west-1a', 'eu-west-1b'];
        for (const tier of ['public', 'private', 'database'] as const) prod.network.subnets[tier] = prod.network.subnets[tier].slice(0, 2);
      },
      ['environments/prod.ts: aws.availabilityZones: expected at least 3 availability zones in production, got 2'],
    ],
    [
      'a zone outside the region',
      (i) => (environment(i, 'dev').aws.availabilityZones[1] = 'eu-central-1b'),
      ['environments/dev.ts: aws.availabilityZones[1]: eu-central-1b is not in region eu-west-1'],
    ],
    [
      'fewer subnets than zones',
      (i) => environment(i, 'staging').network.subnets.public.pop(),
      ['environments/staging.ts: network.subnets.public: expected 3 subnets (one per availability zone), got 2'],
    ],
    [
      'node pool min above max',
      (i) => Object.assign(environment(i, 'dev').eks.nodePools[1]!, { minSize: 7, desiredSize: 7, maxSize: 6 }),
      ['environments/dev.ts: eks.nodePools[1]: expected minSize <= desiredSize <= maxSize, got 7 <= 7 <= 6'],
    ],
    [
      'desired outside the node pool bounds',
      (i) => (environment(i, 'prod').eks.nodePools[0]!.desiredSize = 2),
      ['environments/prod.ts: eks.nodePools[0]: expected minSize <= desiredSize <= maxSize, got 3 <= 2 <= 6'],
    ],
    [
      'a missing node pool and a duplicate name',
      (i) => (environment(i, 'dev').eks.nodePools[2]!.name = 'apps'),
      [
        'environments/dev.ts: eks.nodePools: missing the "data" pool; expected pools named system, apps, data',
        'environments/dev.ts: eks.nodePools[2].name: duplicate node pool name "apps"',
      ],
    ],
    [
      'an x86 instance type in the arm64 pool',
      (i) => (environment(i, 'dev').eks.nodePools[2]!.instanceTypes[0] = 'm6i.xlarge'),
      ['environments/dev.ts: eks.nodePools[2].instanceTypes[0]: m6i.xlarge is not an arm64 (Graviton) instance type'],
    ],
    [
      'an instance type Karpenter cannot size',
      (i) => (environment(i, 'dev').eks.nodePools[1]!.instanceTypes[2] = 't3.xlarge'),
      ['environments/dev.ts: eks.nodePools[1].instanceTypes[2]: expected a c, m or r instance type of size medium, large or [N]xlarge, got t3.xlarge'],
    ],
    [
      'an override for an unknown service',
      (i) => (environment(i, 'dev').services['data-colector'] = { replicas: { min: 1, max: 2 } }),
      [`environments/dev.ts: services.data-colector: no service named "data-colector"; expected one of ${SERVICE_NAMES.join(', ')}`],
    ],
    [
      'override replicas with min above max',
      (i) => (environment(i, 'dev').services['data-collector'] = { replicas: { min: 5, max: 3 } }),
      ['environments/dev.ts: services.data-collector.replicas: expected min <= max, got 5 > 3'],
    ],
    [
      'the latest image tag',
      (i) => (service(i, 'data-processor').environments.prod!.imageTag = 'latest'),
      ['services/data-processor/service.ts: environments.prod.imageTag: expected a pinned image tag, not "latest"'],
    ],
    [
      'an image tag with a bad character',
      (i) => (service(i, 'data-processor').environments.dev!.imageTag = '1.9:0'),
      ['services/data-processor/service.ts: environments.dev.imageTag: expected an image tag such as 1.4.2 (got "1.9:0")'],
    ],
    [
      'a missing required field',
      (i) => delete (environment(i, 'staging') as unknown as Partial<Record<string, unknown>>).budget,
      ['environments/staging.ts: budget: is required'],
    ],
    [
      'a wrong type',
      (i) => ((environment(i, 'prod').database as unknown as Record<string, unknown>).instances = 'three'),
      ['environments/prod.ts: database.instances: expected an integer (got "three")'],
    ],
    [
      'a misspelt field',
      (i) => ((environment(i, 'dev').cache as unknown as Record<string, unknown>).multiAZ = false),
      ['environments/dev.ts: cache.multiAZ: is not a known field'],
    ],
    [
      'a value outside an enum',
      (i) => ((environment(i, 'dev').network as unknown as Record<string, unknown>).natGateways = 'none'),
      ['environments/dev.ts: network.natGateways: expected one of "single", "one-per-az" (got "none")'],
    ],
    [
      'prod without its protections',
      (i) => {
        const prod = environment(i, 'prod');
        prod.database.deletionProtection = false;
        prod.network.natGateways = 'single';
        prod.database.instances = 1;
      },
      [
        'environments/prod.ts: database.deletionProtection: expected true in production',
        'environments/prod.ts: database.instances: expected at least 2 in production (a writer and a reader in another zone), got 1',
        'environments/prod.ts: network.natGateways: expected "one-per-az" in production',
      ],
    ],
    [
      'an environment in the wrong file',
      (i) => (environment(i, 'staging').name = 'prod'),
      // One line: an environment is known by its file, so the clash with prod.ts is not a second problem.
      ['environments/staging.ts: name: expected "staging" (the file name), got "prod"'],
    ],
    [
      'a service depending on a bucket an environment lacks',
      (i) => (service(i, 'data-collector').dependencies.buckets[0]!.name = 'archive'),
      [
        'services/data-collector/service.ts: dependencies.buckets[0].name: no bucket "archive" in environments/dev.ts dataLake.buckets',
        'services/data-collector/service.ts: dependencies.buckets[0].name: no bucket "archive" in environments/prod.ts dataLake.buckets',
        'services/data-collector/service.ts: dependencies.buckets[0].name: no bucket "archive" in environments/staging.ts dataLake.buckets',
      ],
    ],
    [
      'a call to an unknown service',
      (i) => service(i, 'api-gateway').dependencies.calls.push('no-such-service'),
      [`services/api-gateway/service.ts: dependencies.calls[${GATEWAY_CALLS}]: no service named "no-such-service"; expected one of ${SERVICE_NAMES.join(', ')}`],
    ],
    [
      'two services routing the same path',
      (i) => (service(i, 'data-processor').routes[0]!.pathPrefix = '/v1/events'),
      ['services/data-processor/service.ts: routes[0].pathPrefix: /v1/events is already routed to data-collector'],
    ],
    [
      'an invalid label key',
      (i) => (environment(i, 'dev').eks.nodePools[0]!.labels['bad key'] = 'x'),
      ['environments/dev.ts: eks.nodePools[0].labels["bad key"]: invalid key; expected a Kubernetes label key'],
    ],
    [
      'a chart version range',
      (i) => (environment(i, 'dev').addons.loki = '^6.30.0'),
      ['environments/dev.ts: addons.loki: expected an exact version such as 1.2.3 (no ranges) (got "^6.30.0")'],
    ],
    [
      'an API endpoint open to the world',
      (i) => (environment(i, 'dev').eks.publicAccessCidrs = ['0.0.0.0/0']),
      ['environments/dev.ts: eks.publicAccessCidrs: expected specific CIDRs; the API endpoint must not be open to the world'],
    ],
  ];

  it.each(cases)('rejects %s', (_name, mutate, expected) => {
    expect(problems(mutate)).toEqual(expected);
  });

  it('reports every problem at once, sorted by file and field', () => {
    const lines = problems((i) => {
      environment(i, 'prod').database.deletionProtection = false;
      environment(i, 'dev').network.vpcCidr = 'not-a-cidr';
      service(i, 'api-gateway').environments.dev!.imageTag = 'latest';
    });
    expect(lines).toEqual([
      'environments/dev.ts: network.vpcCidr: expected an IPv4 CIDR such as 10.0.0.0/16 (got "not-a-cidr")',
      'environments/prod.ts: database.deletionProtection: expected true in production',
      'services/api-gateway/service.ts: environments.dev.imageTag: expected a pinned image tag, not "latest"',
    ]);
  });
});
