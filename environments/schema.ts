/**
 * JSON Schema for `Environment`, typed as `JSONSchemaType<Environment>`: if a field is added to,
 * removed from or retyped in `types.ts` without the same change here, `pnpm typecheck` fails.
 */
import type { JSONSchemaType } from 'ajv';
import { operationsSchema } from './operations-schema.js';
import { int, logRetention, str, text } from './schema-parts.js';
import { PATTERNS, type NamedPattern } from './patterns.js';
import {
  ADDON_NAMES,
  TIERS,
  PLATFORM_NAMESPACES,
  type AddonName,
  type Environment,
  type NamespaceBudget,
  type PlatformNamespace,
  type ReplicaBounds,
  type Resources,
  type RateLimit,
  type ServiceOverride,
  RECOVERY_COMPONENTS,
  type RecoveryComponent,
  type RecoveryObjective,
} from './types.js';

export { int, logRetention, str, text } from './schema-parts.js';
export const stringMap = (key: NamedPattern) =>
  ({
    type: 'object',
    propertyNames: { pattern: key.pattern },
    additionalProperties: { type: 'string' },
    required: [],
  }) as const;

export const replicaBoundsSchema: JSONSchemaType<ReplicaBounds> = {
  type: 'object',
  additionalProperties: false,
  required: ['min', 'max'],
  properties: { min: int(1), max: int(1) },
};

export const resourcesSchema: JSONSchemaType<Resources> = {
  type: 'object',
  additionalProperties: false,
  required: ['cpuRequest', 'memoryRequest', 'cpuLimit', 'memoryLimit'],
  properties: {
    cpuRequest: str(PATTERNS.cpuQuantity),
    memoryRequest: str(PATTERNS.memoryQuantity),
    cpuLimit: str(PATTERNS.cpuQuantity),
    memoryLimit: str(PATTERNS.memoryQuantity),
  },
};

export const rateLimitSchema: JSONSchemaType<RateLimit> = {
  type: 'object',
  additionalProperties: false,
  required: ['requestsPerSecond', 'burst'],
  properties: { requestsPerSecond: int(1), burst: int(0) },
};

export const serviceOverrideSchema: JSONSchemaType<ServiceOverride> = {
  type: 'object',
  additionalProperties: false,
  required: [],
  properties: {
    replicas: { ...replicaBoundsSchema, nullable: true },
    resources: { ...resourcesSchema, nullable: true },
    rateLimit: { ...rateLimitSchema, nullable: true },
    config: { ...stringMap(PATTERNS.configKey), nullable: true },
  },
};

const namespaceBudgetSchema: JSONSchemaType<NamespaceBudget> = {
  type: 'object',
  additionalProperties: false,
  required: ['requestsCpu', 'requestsMemory', 'limitsCpu', 'limitsMemory', 'pods'],
  properties: {
    requestsCpu: str(PATTERNS.cpuQuantity),
    requestsMemory: str(PATTERNS.memoryQuantity),
    limitsCpu: str(PATTERNS.cpuQuantity),
    limitsMemory: str(PATTERNS.memoryQuantity),
    pods: int(1),
  },
};

/** Same schema for every key of a closed record (the key list comes from the same constant as the type). */
function closedRecord<K extends string, V>(keys: readonly K[], value: JSONSchemaType<V>): JSONSchemaType<Record<K, V>> {
  const properties = Object.fromEntries(keys.map((key) => [key, value])) as Record<K, JSONSchemaType<V>>;
  return { type: 'object', additionalProperties: false, required: [...keys], properties } as JSONSchemaType<Record<K, V>>;
}

const recoveryObjectiveSchema: JSONSchemaType<RecoveryObjective> = {
  type: 'object',
  additionalProperties: false,
  required: ['rpoMinutes', 'rtoMinutes'],
  properties: { rpoMinutes: int(1), rtoMinutes: int(1) },
};

const namespacesSchema = closedRecord<PlatformNamespace, NamespaceBudget>(PLATFORM_NAMESPACES, namespaceBudgetSchema);
const addonsSchema = closedRecord<AddonName, string>(ADDON_NAMES, str(PATTERNS.exactVersion));

export const environmentSchema: JSONSchemaType<Environment> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'name', 'tier', 'promotesFrom', 'aws', 'owners', 'domain', 'network', 'eks', 'database', 'cache', 'kafka', 'dataLake',
    'namespaces', 'addons', 'hostsPlatformTooling', 'services', 'alerts', 'budget', 'logRetentionDays',
    'policyExceptions', 'operations', 'access', 'secrets', 'recovery',
  ],
  properties: {
    name: str(PATTERNS.environmentName),
    tier: { type: 'string', enum: [...TIERS] },
    // ajv's JSONSchemaType cannot type a required nullable property (it would have to be optional);
    // this entry alone is cast: a string or null, checked at run time like every other field.
    promotesFrom: { type: 'string', nullable: true, pattern: PATTERNS.environmentName.pattern } as never,
    aws: {
      type: 'object',
      additionalProperties: false,
      required: ['accountId', 'region', 'availabilityZones', 'terraformRoleName'],
      properties: {
        accountId: str(PATTERNS.accountId),
        region: str(PATTERNS.region),
        availabilityZones: { type: 'array', minItems: 1, items: str(PATTERNS.availabilityZone) },
        terraformRoleName: str(PATTERNS.iamName),
      },
    },
    owners: {
      type: 'object',
      additionalProperties: false,
      required: ['team', 'reviewers', 'costCenter', 'alertEmail'],
      properties: {
        team: str(PATTERNS.githubOwner),
        reviewers: { type: 'array', items: str(PATTERNS.githubOwner) },
        costCenter: text,
        alertEmail: str(PATTERNS.email),
      },
    },
    domain: str(PATTERNS.domain),
    network: {
      type: 'object',
      additionalProperties: false,
      required: ['vpcCidr', 'subnets', 'natGateways', 'flowLogRetentionDays'],
      properties: {
        vpcCidr: str(PATTERNS.cidr),
        subnets: {
          type: 'object',
          additionalProperties: false,
          required: ['public', 'private', 'database'],
          properties: {
            public: { type: 'array', minItems: 1, items: str(PATTERNS.cidr) },
            private: { type: 'array', minItems: 1, items: str(PATTERNS.cidr) },
            database: { type: 'array', minItems: 1, items: str(PATTERNS.cidr) },
          },
        },
        natGateways: { type: 'string', enum: ['single', 'one-per-az'] },
        flowLogRetentionDays: logRetention,
      },
    },
    eks: {
      type: 'object',
      additionalProperties: false,
      required: ['version', 'publicAccessCidrs', 'controlPlaneLogRetentionDays', 'nodePools'],
      properties: {
        version: str(PATTERNS.k8sVersion),
        publicAccessCidrs: { type: 'array', items: str(PATTERNS.cidr) },
        controlPlaneLogRetentionDays: logRetention,
        nodePools: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: [
              'name', 'instanceTypes', 'capacityType', 'architecture', 'minSize', 'desiredSize', 'maxSize',
              'diskSizeGiB', 'labels', 'taints',
            ],
            properties: {
              name: str(PATTERNS.dnsLabel),
              instanceTypes: { type: 'array', minItems: 1, items: str(PATTERNS.instanceType) },
              capacityType: { type: 'string', enum: ['ON_DEMAND', 'SPOT'] },
              architecture: { type: 'string', enum: ['x86_64', 'arm64'] },
              minSize: int(0),
              desiredSize: int(0),
              maxSize: int(1),
              diskSizeGiB: int(20),
              labels: stringMap(PATTERNS.labelKey),
              taints: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['key', 'value', 'effect'],
                  properties: {
                    key: str(PATTERNS.labelKey),
                    value: str(PATTERNS.labelValue),
                    effect: { type: 'string', enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    database: {
      type: 'object',
      additionalProperties: false,
      required: [
        'engineVersion', 'instanceClass', 'instances', 'backupRetentionDays', 'deletionProtection',
        'performanceInsightsRetentionDays',
      ],
      properties: {
        engineVersion: str(PATTERNS.engineVersion),
        instanceClass: str(PATTERNS.instanceType),
        instances: int(1, 15),
        backupRetentionDays: int(1, 35),
        deletionProtection: { type: 'boolean' },
        performanceInsightsRetentionDays: { type: 'integer', enum: [7, 31, 62, 93, 186, 372, 731] },
      },
    },
    cache: {
      type: 'object',
      additionalProperties: false,
      required: ['engineVersion', 'nodeType', 'nodes', 'multiAz', 'snapshotRetentionDays'],
      properties: {
        engineVersion: str(PATTERNS.engineVersion),
        nodeType: str(PATTERNS.instanceType),
        nodes: int(1, 6),
        multiAz: { type: 'boolean' },
        snapshotRetentionDays: int(0, 35),
      },
    },
    kafka: {
      type: 'object',
      additionalProperties: false,
      required: ['version', 'brokerInstanceType', 'brokersPerAz', 'volumeSizeGiB'],
      properties: {
        version: str(PATTERNS.engineVersion),
        brokerInstanceType: str(PATTERNS.instanceType),
        brokersPerAz: int(1, 5),
        volumeSizeGiB: int(1, 16384),
      },
    },
    dataLake: {
      type: 'object',
      additionalProperties: false,
      required: ['buckets'],
      properties: {
        buckets: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'intelligentTieringAfterDays', 'noncurrentVersionExpirationDays', 'expirationDays'],
            properties: {
              name: str(PATTERNS.dnsLabel),
              intelligentTieringAfterDays: int(0),
              noncurrentVersionExpirationDays: int(1),
              expirationDays: int(0),
            },
          },
        },
      },
    },
    namespaces: namespacesSchema,
    addons: addonsSchema,
    hostsPlatformTooling: { type: 'boolean' },
    services: {
      type: 'object',
      propertyNames: { pattern: PATTERNS.dnsLabel.pattern },
      additionalProperties: serviceOverrideSchema,
      required: [],
    },
    alerts: {
      type: 'object',
      additionalProperties: false,
      required: ['availabilityPercent', 'errorRatePercent', 'latencyP99Ms', 'cpuPercent', 'memoryPercent'],
      properties: {
        availabilityPercent: { type: 'number', minimum: 90, maximum: 100 },
        errorRatePercent: { type: 'number', minimum: 0, maximum: 100 },
        latencyP99Ms: int(1),
        cpuPercent: int(1, 100),
        memoryPercent: int(1, 100),
      },
    },
    budget: {
      type: 'object',
      additionalProperties: false,
      required: ['monthlyUsd', 'notifyAtPercent'],
      properties: {
        monthlyUsd: int(1),
        notifyAtPercent: { type: 'array', minItems: 1, items: int(1, 200) },
      },
    },
    logRetentionDays: logRetention,
    operations: operationsSchema,
    policyExceptions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'resource', 'reason', 'expires'],
        properties: {
          rule: str(PATTERNS.policyRuleId),
          resource: text,
          reason: text,
          expires: str(PATTERNS.isoDate),
        },
      },
    },
    access: {
      type: 'object',
      additionalProperties: false,
      required: ['adminRoleArns', 'readOnlyRoleArns', 'sso'],
      properties: {
        adminRoleArns: { type: 'array', minItems: 1, items: str(PATTERNS.iamRoleArn) },
        readOnlyRoleArns: { type: 'array', items: str(PATTERNS.iamRoleArn) },
        sso: {
          type: 'object',
          additionalProperties: false,
          required: ['issuerUrl', 'platformGroup', 'readOnlyGroup', 'teamGroupPrefix'],
          properties: {
            issuerUrl: str(PATTERNS.httpsUrl),
            platformGroup: str(PATTERNS.groupName),
            readOnlyGroup: str(PATTERNS.groupName),
            teamGroupPrefix: str(PATTERNS.groupName),
          },
        },
      },
    },
    secrets: {
      type: 'object',
      additionalProperties: false,
      required: ['rotationDays'],
      properties: { rotationDays: int(1, 365) },
    },
    recovery: {
      type: 'object',
      additionalProperties: false,
      required: ['objectives', 'copyRegions'],
      properties: {
        objectives: closedRecord<RecoveryComponent, RecoveryObjective>(RECOVERY_COMPONENTS, recoveryObjectiveSchema),
        copyRegions: { type: 'array', maxItems: 1, items: str(PATTERNS.region) },
      },
    },
  },
};
