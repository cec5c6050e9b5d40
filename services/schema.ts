/** JSON Schema for `ServiceDefinition`, checked against the type by the compiler like the environment schema. */
import type { JSONSchemaType } from 'ajv';
import { PATTERNS } from '../environments/patterns.js';
import {
  int,
  rateLimitSchema,
  replicaBoundsSchema,
  resourcesSchema,
  serviceOverrideSchema,
  str,
  stringMap,
  text,
} from '../environments/schema.js';
import type { ServiceDefinition, ServiceEnvironment } from './types.js';

const serviceEnvironmentSchema: JSONSchemaType<ServiceEnvironment> = {
  ...serviceOverrideSchema,
  required: ['imageTag'],
  properties: { ...serviceOverrideSchema.properties, imageTag: str(PATTERNS.imageTag) },
} as JSONSchemaType<ServiceEnvironment>;

/** Keyed by environment name; which names exist and which may be left out is checked against the environments (service-checks.ts). */
const environmentsSchema = {
  type: 'object',
  propertyNames: { pattern: PATTERNS.environmentName.pattern },
  additionalProperties: serviceEnvironmentSchema,
  required: [],
} as JSONSchemaType<Record<string, ServiceEnvironment>>;

export const serviceSchema: JSONSchemaType<ServiceDefinition> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'name', 'team', 'description', 'kind', 'port', 'probes', 'resources', 'replicas', 'autoscaling',
    'minAvailable', 'metrics', 'routes', 'dependencies', 'config', 'environments',
  ],
  properties: {
    name: str(PATTERNS.dnsLabel),
    team: str(PATTERNS.dnsLabel),
    description: text,
    kind: { type: 'string', enum: ['gateway', 'api', 'worker'] },
    port: int(1024, 65535),
    probes: {
      type: 'object',
      additionalProperties: false,
      required: ['startupPath', 'readinessPath', 'livenessPath'],
      properties: {
        startupPath: str(PATTERNS.httpPath),
        readinessPath: str(PATTERNS.httpPath),
        livenessPath: str(PATTERNS.httpPath),
      },
    },
    resources: resourcesSchema,
    replicas: replicaBoundsSchema,
    autoscaling: {
      type: 'object',
      additionalProperties: false,
      required: ['targetCpuPercent', 'targetRequestsPerSecond'],
      properties: { targetCpuPercent: int(10, 100), targetRequestsPerSecond: int(0) },
    },
    minAvailable: int(0),
    metrics: {
      type: 'object',
      additionalProperties: false,
      required: ['port', 'path', 'families'],
      properties: {
        port: int(1024, 65535),
        path: str(PATTERNS.httpPath),
        families: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'type'],
            properties: {
              name: { type: 'string', pattern: '^[a-zA-Z_:][a-zA-Z0-9_:]*$' },
              type: { type: 'string', enum: ['counter', 'gauge', 'histogram', 'summary'] },
            },
          },
        },
      },
    },
    routes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pathPrefix'],
        properties: { pathPrefix: str(PATTERNS.httpPath) },
      },
    },
    rateLimit: { ...rateLimitSchema, nullable: true },
    dependencies: {
      type: 'object',
      additionalProperties: false,
      required: ['database', 'cache', 'topics', 'buckets', 'secrets', 'calls'],
      properties: {
        database: { type: 'string', enum: ['none', 'read', 'readwrite'] },
        cache: { type: 'boolean' },
        topics: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'access'],
            properties: {
              name: { type: 'string', pattern: '^[a-z][a-z0-9._-]{0,248}$' },
              access: { type: 'string', enum: ['produce', 'consume'] },
              partitions: { ...int(1, 10000), nullable: true },
              replicationFactor: { ...int(1, 10), nullable: true },
              retentionHours: { ...int(1, 8760), nullable: true },
            },
          },
        },
        buckets: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'access'],
            properties: {
              name: str(PATTERNS.dnsLabel),
              access: { type: 'string', enum: ['read', 'write', 'readwrite'] },
            },
          },
        },
        secrets: { type: 'array', items: str(PATTERNS.dnsLabel) },
        calls: { type: 'array', items: str(PATTERNS.dnsLabel) },
      },
    },
    config: stringMap(PATTERNS.configKey),
    environments: environmentsSchema,
  },
};
