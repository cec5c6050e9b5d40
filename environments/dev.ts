import type { Environment } from './types.js';
import { chartVersions } from './versions.js';
import { chartLimitationExceptions, platformPolicyExceptions } from './policy-exceptions.js';

/** Development: two zones, one NAT gateway, spot capacity, no deletion protection. */
export const dev: Environment = {
  name: 'dev',
  tier: 'development',
  /** The first stage of the promotion order (dev → staging → prod). */
  promotesFrom: null,
  aws: {
    accountId: '111111111111',
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    terraformRoleName: 'platform-terraform',
  },
  owners: { team: '@acme/platform', reviewers: ['@acme/developers'], costCenter: 'cc-1001-dev', alertEmail: 'platform-dev-alerts@acme.example' },
  domain: 'dev.platform.acme.example',
  network: {
    vpcCidr: '10.10.0.0/16',
    subnets: {
      public: ['10.10.0.0/24', '10.10.1.0/24'],
      private: ['10.10.16.0/20', '10.10.32.0/20'],
      database: ['10.10.64.0/24', '10.10.65.0/24'],
    },
    natGateways: 'single',
    flowLogRetentionDays: 14,
  },
  eks: {
    version: '1.35',
    publicAccessCidrs: ['203.0.113.0/24'],
    controlPlaneLogRetentionDays: 14,
    nodePools: [
      {
        name: 'system',
        instanceTypes: ['m6i.large'],
        capacityType: 'ON_DEMAND',
        architecture: 'x86_64',
        minSize: 2,
        desiredSize: 2,
        maxSize: 3,
        diskSizeGiB: 50,
        labels: { 'platform.acme.example/pool': 'system' },
        taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'PreferNoSchedule' }],
      },
      {
        name: 'apps',
        instanceTypes: ['m6i.xlarge', 'm6a.xlarge', 'm5.xlarge'],
        capacityType: 'SPOT',
        architecture: 'x86_64',
        minSize: 2,
        desiredSize: 3,
        maxSize: 6,
        diskSizeGiB: 50,
        labels: { 'platform.acme.example/pool': 'apps' },
        taints: [],
      },
      {
        name: 'data',
        instanceTypes: ['m7g.xlarge', 'm6g.xlarge'],
        capacityType: 'SPOT',
        architecture: 'arm64',
        minSize: 1,
        desiredSize: 2,
        maxSize: 3,
        diskSizeGiB: 100,
        labels: { 'platform.acme.example/pool': 'data' },
        taints: [{ key: 'platform.acme.example/pool', value: 'data', effect: 'NoSchedule' }],
      },
    ],
  },
  database: {
    engineVersion: '16.4',
    instanceClass: 'db.t4g.medium',
    instances: 1,
    backupRetentionDays: 3,
    deletionProtection: false,
    performanceInsightsRetentionDays: 7,
  },
  cache: { engineVersion: '7.1', nodeType: 'cache.t4g.small', nodes: 1, multiAz: false, snapshotRetentionDays: 1 },
  kafka: { version: '3.6.0', brokerInstanceType: 'kafka.t3.small', brokersPerAz: 1, volumeSizeGiB: 100 },
  dataLake: {
    buckets: [
      { name: 'raw', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 7, expirationDays: 90 },
      { name: 'curated', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 7, expirationDays: 0 },
    ],
  },
  namespaces: {
    'platform-system': { requestsCpu: '14', requestsMemory: '28Gi', limitsCpu: '32', limitsMemory: '64Gi', pods: 150 },
    'platform-apps': { requestsCpu: '24', requestsMemory: '48Gi', limitsCpu: '48', limitsMemory: '96Gi', pods: 200 },
    'platform-data': { requestsCpu: '16', requestsMemory: '32Gi', limitsCpu: '32', limitsMemory: '64Gi', pods: 100 },
    'platform-monitoring': { requestsCpu: '12', requestsMemory: '24Gi', limitsCpu: '24', limitsMemory: '48Gi', pods: 100 },
    'platform-policy': { requestsCpu: '2', requestsMemory: '4Gi', limitsCpu: '6', limitsMemory: '6Gi', pods: 20 },
  },
  addons: { ...chartVersions },
  hostsPlatformTooling: false,
  services: {
    'data-collector': { replicas: { min: 1, max: 3 } },
    'data-processor': { replicas: { min: 1, max: 3 } },
  },
  alerts: { availabilityPercent: 99.0, errorRatePercent: 5, latencyP99Ms: 1000, cpuPercent: 90, memoryPercent: 90 },
  budget: { monthlyUsd: 3000, notifyAtPercent: [80, 100] },
  logRetentionDays: 14,
  // Dev audits: ADM-001 does not apply, so no unrecorded-chart exceptions.
  policyExceptions: [...platformPolicyExceptions, ...chartLimitationExceptions],
  operations: {
    audit: {
      trailLogRetentionDays: 90,
      trailFileRetentionDays: 365,
      guardDuty: { eksAuditLogs: true, eksRuntimeMonitoring: false, findingPublishingFrequency: 'SIX_HOURS' },
    },
    maintenance: { database: 'sun:03:00-sun:04:00', databaseBackup: '01:00-02:00', cache: 'sun:04:00-sun:05:00', cacheSnapshot: '01:00-02:00' },
    alarms: { databaseConnections: 80, databaseReplicaLagMs: 5000, databaseFreeLocalStorageGiB: 2, cacheEvictions: 1000, natPacketsDropped: 1000, loadBalancer5xx: 100 },
    alerting: {
      platformTeam: 'platform',
      receivers: [{ name: 'heartbeat', type: 'webhook' }],
      routes: [
        { team: 'platform', severity: 'critical', receivers: ['alert-topic'] },
        { team: 'ingest', severity: 'critical', receivers: ['alert-topic'] },
        { team: 'processing', severity: 'critical', receivers: ['alert-topic'] },
      ],
      defaultRoutes: [{ severity: 'critical', receivers: ['alert-topic'] }],
      watchdogReceiver: 'heartbeat',
    },
  },
  access: {
    adminRoleArns: ['arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_5f0c1d2e3a4b6c7d'],
    sso: { issuerUrl: 'https://sso.acme.example/oauth2/platform', platformGroup: 'platform-admins', readOnlyGroup: 'platform-readers', teamGroupPrefix: 'team-' },
    readOnlyRoleArns: ['arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformReadOnly_8e9f0a1b2c3d4e5f'],
  },
  secrets: { rotationDays: 180 },
  recovery: {
    copyRegions: [],
    objectives: {
      kubernetes: { rpoMinutes: 1440, rtoMinutes: 480 },
      database: { rpoMinutes: 15, rtoMinutes: 240 },
      'data-lake': { rpoMinutes: 60, rtoMinutes: 480 },
      'terraform-state': { rpoMinutes: 5, rtoMinutes: 120 },
    },
  },
};
