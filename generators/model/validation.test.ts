/**
 * The validation classes of issue 10 item 4, through loadPlatform: each mistake is one line naming
 * the file, the field path and what is expected. Inputs are copies of the environments with
 * fixture services added, so adding a service or an environment leaves these tests valid.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { platformPolicyExceptions } from '../../environments/policy-exceptions.js';
import type { ServiceDefinition } from '../../services/types.js';
import { environment, problems, realInputs, type Inputs } from '../../tests/support/inputs.js';
import { placements } from '../argocd/files.js';
import { clusterApps } from '../kubernetes/apps.js';
import { minimalService } from '../kubernetes/test-fixtures.js';
import { loadPlatform } from './load.js';

const fixture = (overrides: Partial<ServiceDefinition>): { file: string; value: ServiceDefinition } => {
  const value = structuredClone({ ...minimalService, ...overrides });
  return { file: `services/${value.name}/service.ts`, value };
};


const addService = (overrides: Partial<ServiceDefinition>) => (inputs: Inputs) => void inputs.services.push(fixture(overrides));

describe('values AWS or Kubernetes reject', () => {
  const cases: [string, (inputs: Inputs) => void, (string | RegExp)[]][] = [
    [
      'a region that does not exist',
      (i) => {
        const dev = environment(i, 'dev');
        dev.aws.region = 'eu-west-9';
        dev.aws.availabilityZones = ['eu-west-9a', 'eu-west-9b'];
      },
      [/^environments\/dev\.ts: aws\.region: no AWS region "eu-west-9"; expected one of .*eu-west-1/],
    ],
    [
      'a zone the region does not have',
      (i) => (environment(i, 'dev').aws.availabilityZones[1] = 'eu-west-1d'),
      ['environments/dev.ts: aws.availabilityZones[1]: no availability zone eu-west-1d in eu-west-1; expected one of eu-west-1a, eu-west-1b, eu-west-1c'],
    ],
    ['an EKS version that does not exist', (i) => (environment(i, 'staging').eks.version = '1.99'), [/^environments\/staging\.ts: eks\.version: EKS has no Kubernetes version 1\.99; expected one of 1\.23, /]],
    [
      'an EC2 type as the Aurora instance class',
      (i) => (environment(i, 'prod').database.instanceClass = 'r6g.xlarge'),
      ['environments/prod.ts: database.instanceClass: expected a "db." instance class such as db.r7g.large, got r6g.xlarge'],
    ],
    [
      'a database class as the cache node type',
      (i) => (environment(i, 'dev').cache.nodeType = 'db.t4g.small'),
      ['environments/dev.ts: cache.nodeType: expected a "cache." instance class such as cache.r7g.large, got db.t4g.small'],
    ],
    ['a broker family MSK does not offer', (i) => (environment(i, 'dev').kafka.brokerInstanceType = 'kafka.r6g.large'), [/^environments\/dev\.ts: kafka\.brokerInstanceType: kafka\.r6g\.large: no kafka\. instance family "r6g"/]],
    [
      'a database instance class in a node pool',
      (i) => (environment(i, 'prod').eks.nodePools[0]!.instanceTypes[0] = 'db.r6g.xlarge'),
      ['environments/prod.ts: eks.nodePools[0].instanceTypes[0]: expected an EC2 instance type such as m7i.large (no db., cache. or kafka. prefix), got db.r6g.xlarge'],
    ],
    ['a node pool generation that does not exist', (i) => (environment(i, 'dev').eks.nodePools[1]!.instanceTypes[0] = 'm9i.xlarge'), [/^environments\/dev\.ts: eks\.nodePools\[1\]\.instanceTypes\[0\]: m9i\.xlarge: no EC2 instance family "m9i"/]],
    [
      'a namespace quota requesting more than its limit',
      (i) => (environment(i, 'dev').namespaces['platform-apps'].requestsMemory = '1Ti'),
      [/^environments\/dev\.ts: namespaces\.platform-apps\.requestsMemory: requestsMemory 1Ti is above limitsMemory \S+; expected a request no greater than its limit$/],
    ],
    [
      'a service requesting more CPU than its limit in one environment',
      addService({ name: 'orders', environments: { ...minimalService.environments, prod: { imageTag: '1.0.0', resources: { cpuRequest: '2', cpuLimit: '1', memoryRequest: '1Gi', memoryLimit: '1Gi' } } } }),
      ['services/orders/service.ts: environments.prod.resources.cpuRequest: cpuRequest 2 is above cpuLimit 1; expected a request no greater than its limit'],
    ],
    [
      'expiration before the Intelligent-Tiering transition',
      (i) => environment(i, 'dev').dataLake.buckets.push({ name: 'scratch', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 7, expirationDays: 14 }),
      [
        /^environments\/dev\.ts: dataLake\.buckets\[\d+\]\.expirationDays: S3 expires objects only after their last transition \(INTELLIGENT_TIERING on day 30\); expected more than 30 days or 0 \(never\), got 14$/,
      ],
    ],
    [
      'a node label value Kubernetes refuses',
      (i) => (environment(i, 'dev').eks.nodePools[0]!.labels['platform.acme.example/purpose'] = 'system pool'),
      [/^environments\/dev\.ts: eks\.nodePools\[0\]\.labels\["platform\.acme\.example\/purpose"\]: label value "system pool" is invalid/],
    ],
    [
      'a cost center AWS refuses as a tag value',
      (i) => (environment(i, 'dev').owners.costCenter = 'cc#1001'),
      [/^environments\/dev\.ts: owners\.costCenter: AWS tag value "cc#1001" of cost-center has characters AWS refuses/],
    ],
    [
      'a service name that makes its IRSA role longer than IAM allows',
      addService({ name: `orders-${'x'.repeat(40)}` }),
      [/^services\/orders-x+\/service\.ts: name: IAM role name "platform-(dev|staging|prod)-irsa-orders-x+" is \d+ characters; at most 64 are allowed$/],
    ],
    [
      'an image tag too long for the version label',
      addService({ name: 'orders', environments: { ...minimalService.environments, staging: { imageTag: `1.0.0-${'a'.repeat(60)}` } } }),
      [/^services\/orders\/service\.ts: environments\.staging\.imageTag: Kubernetes label value "1\.0\.0-a+" is 66 characters; at most 63 are allowed$/],
    ],
    [
      'a VPC larger than AWS allows',
      (i) => (environment(i, 'dev').network.vpcCidr = '10.0.0.0/12'),
      ['environments/dev.ts: network.vpcCidr: 10.0.0.0/12: AWS accepts VPC CIDR blocks from /16 to /28, got /12'],
    ],
    [
      'a domain too long for the API certificate',
      (i) => (environment(i, 'staging').domain = `${'a'.repeat(50)}.acme.example`),
      [/^environments\/staging\.ts: domain: ACM certificate domain \(its first name is the certificate subject\) "api\.a{50}\.acme\.example" is 67 characters; at most 64 are allowed$/],
    ],
    [
      'a bucket name that makes the S3 bucket longer than 63 characters',
      (i) => environment(i, 'prod').dataLake.buckets.push({ name: 'b'.repeat(40), intelligentTieringAfterDays: 0, noncurrentVersionExpirationDays: 7, expirationDays: 0 }),
      [/^environments\/prod\.ts: dataLake\.buckets\[\d+\]\.name: S3 bucket name "platform-prod-b{40}-\d{12}" is \d+ characters; at most 63 are allowed$/],
    ],
  ];

  it.each(cases)('%s', (_, mutate, expected) => {
    const lines = problems(mutate);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((line, i) => (typeof line === 'string' ? expect(lines[i]).toBe(line) : expect(lines[i]).toMatch(line)));
  });
});

describe('security of inputs', () => {
  it('refuses CIDRs that together open the API endpoint to the world', () => {
    expect(problems((i) => (environment(i, 'dev').eks.publicAccessCidrs = ['0.0.0.0/1', '128.0.0.0/1']))).toEqual([
      'environments/dev.ts: eks.publicAccessCidrs: together these CIDRs admit 3702258688 public addresses (100.0% of the internet); expected at most 16777216 (a /8): list the specific ranges that need access; the API endpoint must not be open to the world',
    ]);
    expect(problems((i) => (environment(i, 'dev').eks.publicAccessCidrs = ['203.0.113.0/24', '198.51.100.0/24']))).toEqual([]);
  });

  it('refuses a literal secret in a service config or an override, pointing at dependencies.secrets', () => {
    const lines = problems((i) => {
      addService({ name: 'orders', config: { LOG_LEVEL: 'info', DB_PASSWORD: 'hunter2' } })(i);
      environment(i, 'staging').services.orders = { config: { SIGNING: 'AKIAIOSFODNN7EXAMPLE' } };
    });
    expect(lines).toEqual([
      expect.stringMatching(/^environments\/staging\.ts: services\.orders\.config\.SIGNING: looks like a literal secret \(the value looks like an AWS access key id\); .*dependencies\.secrets/),
      expect.stringMatching(/^services\/orders\/service\.ts: config\.DB_PASSWORD: looks like a literal secret \(the key names a credential \("password"\)\); .*dependencies\.secrets/),
    ]);
  });

  it('refuses service and team names the platform already uses', () => {
    expect(problems(addService({ name: 'karpenter', team: 'root' }))).toEqual([
      'services/karpenter/service.ts: name: "karpenter" is reserved: it is the karpenter add-on (its Argo CD Application and IRSA role); choose another service name',
      'services/karpenter/service.ts: team: "root" is reserved: it is the root AppProject, which may create Applications and AppProjects; choose another team name',
    ]);
    expect(problems(addService({ name: 'redis' }))).toEqual([expect.stringMatching(/^services\/redis\/service\.ts: name: "redis" is reserved: it is the platform's Secrets Manager path platform\/<env>\/redis\//)]);
    expect(problems(addService({ name: 'baseline' }))).toHaveLength(1);
    const gateway = realInputs().services.find((s) => s.value.kind === 'gateway');
    if (gateway) {
      expect(problems(addService({ name: `${gateway.value.name}-nginx` }))).toEqual([
        `services/${gateway.value.name}-nginx/service.ts: name: "${gateway.value.name}-nginx" is reserved: it is the nginx ConfigMap of gateway ${gateway.value.name} (${gateway.file}); choose another service name`,
      ]);
    }
  });
});

describe('calls between services', () => {
  it('lets two services call each other, and synthesizes their sync waves', () => {
    const inputs = realInputs();
    inputs.services.push(fixture({ name: 'orders', dependencies: { ...minimalService.dependencies, calls: ['billing'] } }));
    inputs.services.push(fixture({ name: 'billing', dependencies: { ...minimalService.dependencies, calls: ['orders'] } }));
    const model = loadPlatform(inputs.environments, inputs.services);
    for (const env of model.environments) {
      const waves = placements(clusterApps(env));
      expect(waves.get('orders')?.wave).toBe(waves.get('billing')?.wave);
    }
  });

  it('refuses gateways that need each other to start, in one line naming both files', () => {
    const gateway = (name: string, peer: string) =>
      addService({ name, kind: 'gateway', rateLimit: { requestsPerSecond: 1, burst: 1 }, dependencies: { ...minimalService.dependencies, secrets: ['api-keys'], calls: [peer] } });
    expect(problems((i) => (gateway('edge-a', 'edge-b')(i), gateway('edge-b', 'edge-a')(i)))).toEqual([
      'services/edge-a/service.ts: dependencies.calls: start-up cycle: edge-a (services/edge-a/service.ts) → edge-b (services/edge-b/service.ts) → edge-a (services/edge-a/service.ts); a gateway needs the services it calls running before it starts, so gateways cannot call each other in a circle',
    ]);
  });
});

describe('policy exceptions', () => {
  const original = platformPolicyExceptions.map((e) => e.expires);
  afterEach(() => platformPolicyExceptions.forEach((e, i) => (e.expires = original[i]!)));

  it('refuse an impossible date in an environment file, naming its field', () => {
    const lines = problems((i) => environment(i, 'dev').policyExceptions.unshift({ rule: 'K8S-001', resource: 'Deployment/platform-apps/x', reason: 'test', expires: '2026-02-30' }));
    expect(lines).toEqual(['environments/dev.ts: policyExceptions[0].expires: 2026-02-30 is not a date that exists; expected a real calendar date as YYYY-MM-DD']);
  });

  it('refuse a month that does not exist, naming its field', () => {
    const lines = problems((i) => environment(i, 'prod').policyExceptions.unshift({ rule: 'K8S-001', resource: 'Deployment/platform-apps/x', reason: 'test', expires: '2026-13-01' }));
    expect(lines).toEqual(['environments/prod.ts: policyExceptions[0].expires: expected a date as YYYY-MM-DD (got "2026-13-01")']);
  });

  it.skipIf(platformPolicyExceptions.length === 0)('name the shared file and field of a shared exception, once for every environment using it', () => {
    platformPolicyExceptions[0]!.expires = '2027-02-29';
    expect(problems(() => {})).toEqual([
      'environments/policy-exceptions.ts: platformPolicyExceptions[0].expires: 2027-02-29 is not a date that exists; expected a real calendar date as YYYY-MM-DD',
    ]);
    platformPolicyExceptions[0]!.expires = '2027-00-01';
    expect(problems(() => {})).toContain('environments/policy-exceptions.ts: platformPolicyExceptions[0].expires: expected a date as YYYY-MM-DD (got "2027-00-01")');
  });
});

describe('every problem in one run', () => {
  it('reports schema and semantic mistakes of several files together, one line each', () => {
    const lines = problems((i) => {
      addService({ name: 'orders', port: 80 })(i);
      addService({ name: 'billing', config: { API_TOKEN: 'abc123' }, dependencies: { ...minimalService.dependencies, calls: ['orders', 'shipping'] } })(i);
      environment(i, 'dev').eks.version = '1.99';
      environment(i, 'prod').aws.availabilityZones[2] = 'eu-west-1z';
    });
    expect(lines).toEqual([
      expect.stringMatching(/^environments\/dev\.ts: eks\.version: /),
      expect.stringMatching(/^environments\/prod\.ts: aws\.availabilityZones\[2\]: no availability zone eu-west-1z/),
      expect.stringMatching(/^services\/billing\/service\.ts: config\.API_TOKEN: looks like a literal secret/),
      expect.stringMatching(/^services\/billing\/service\.ts: dependencies\.calls\[1\]: no service named "shipping"; expected one of .*orders/),
      'services/orders/service.ts: port: expected a number >= 1024 (got 80)',
    ]);
  });
});
