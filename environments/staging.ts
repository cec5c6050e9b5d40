import type { Environment } from './types.js';
import { chartVersions } from './versions.js';
import { chartLimitationExceptions, platformPolicyExceptions } from './policy-exceptions.js';

/** Staging: production-shaped (three zones, a NAT gateway per zone, on-demand) at smaller sizes; the last stop before prod. */
export const staging: Environment = {
  name: 'staging',
  tier: 'pre-production',
  /** Promotion order: dev → staging → prod. */
  promotesFrom: 'dev',
  aws: {
    accountId: '222222222222',
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    terraformRoleName: 'platform-terraform',
  },
  owners: { team: '@acme/platform', reviewers: ['@acme/developers'], costCenter: 'cc-1001-staging', alertEmail: 'platform-staging-alerts@acme.example' },
  domain: 'staging.platform.acme.example',
  network: {
    vpcCidr: '10.20.0.0/16',
    subnets: {
      public: ['10.20.0.0/24', '10.20.1.0/24', '10.20.2.0/24'],
      private: ['10.20.16.0/20', '10.20.32.0/20', '10.20.48.0/20'],
      database: ['10.20.64.0/24', '10.20.65.0/24', '10.20.66.0/24'],
    },
    natGateways: 'one-per-az',
    flowLogRetentionDays: 30,
  },
  eks: {
    version: '1.35',
    publicAccessCidrs: ['203.0.113.0/24'],
    controlPlaneLogRetentionDays: 30,
    nodePools: [
      {
        name: 'system',
        instanceTypes: ['m6i.large'],
        capacityType: 'ON_DEMAND',
        architecture: 'x86_64',
        minSize: 3,
        desiredSize: 3,
        maxSize: 4,
        diskSizeGiB: 50,
        labels: { 'platform.acme.example/pool': 'system' },
        taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'PreferNoSchedule' }],
      },
      {
        name: 'apps',
        instanceTypes: ['m6i.xlarge'],
        capacityType: 'ON_DEMAND',
        architecture: 'x86_64',
        minSize: 3,
        desiredSize: 3,
        maxSize: 9,
        diskSizeGiB: 50,
        labels: { 'platform.acme.example/pool': 'apps' },
        taints: [],
      },
      {
        name: 'data',
        instanceTypes: ['m7g.xlarge'],
        capacityType: 'ON_DEMAND',
        architecture: 'arm64',
        minSize: 3,
        desiredSize: 3,
        maxSize: 6,
        diskSizeGiB: 100,
        labels: { 'platform.acme.example/pool': 'data' },
        taints: [{ key: 'platform.acme.example/pool', value: 'data', effect: 'NoSchedule' }],
      },
    ],
  },
  database: {
    engineVersion: '16.4',
    instanceClass: 'db.r6g.large',
    instances: 2,
    backupRetentionDays: 7,
    deletionProtection: true,
    performanceInsightsRetentionDays: 7,
  },
  cache: { engineVersion: '7.1', nodeType: 'cache.r7g.large', nodes: 2, multiAz: true, snapshotRetentionDays: 3 },
  kafka: { version: '3.6.0', brokerInstanceType: 'kafka.m5.large', brokersPerAz: 1, volumeSizeGiB: 250 },
  dataLake: {
    buckets: [
      { name: 'raw', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 30, expirationDays: 180 },
      { name: 'curated', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 30, expirationDays: 0 },
    ],
  },
  namespaces: {
    'platform-system': { requestsCpu: '24', requestsMemory: '48Gi', limitsCpu: '48', limitsMemory: '96Gi', pods: 200 },
    'platform-apps': { requestsCpu: '36', requestsMemory: '72Gi', limitsCpu: '72', limitsMemory: '144Gi', pods: 300 },
    'platform-data': { requestsCpu: '24', requestsMemory: '48Gi', limitsCpu: '48', limitsMemory: '96Gi', pods: 150 },
    'platform-monitoring': { requestsCpu: '16', requestsMemory: '32Gi', limitsCpu: '32', limitsMemory: '64Gi', pods: 150 },
    'platform-policy': { requestsCpu: '3', requestsMemory: '6Gi', limitsCpu: '12', limitsMemory: '12Gi', pods: 30 },
  },
  addons: { ...chartVersions },
  hostsPlatformTooling: false,
  services: {},
  alerts: { availabilityPercent: 99.5, errorRatePercent: 2, latencyP99Ms: 750, cpuPercent: 85, memoryPercent: 85 },
  budget: { monthlyUsd: 8000, notifyAtPercent: [80, 100] },
  logRetentionDays: 30,
  policyExceptions: [...platformPolicyExceptions, ...chartLimitationExceptions],
  operations: {
    audit: {
      trailLogRetentionDays: 180,
      trailFileRetentionDays: 731,
      guardDuty: { eksAuditLogs: true, eksRuntimeMonitoring: false, findingPublishingFrequency: 'ONE_HOUR' },
    },
    maintenance: { database: 'sun:03:00-sun:04:00', databaseBackup: '01:00-02:00', cache: 'sun:04:00-sun:05:00', cacheSnapshot: '01:00-02:00' },
    alarms: { databaseConnections: 500, databaseReplicaLagMs: 2000, databaseFreeLocalStorageGiB: 5, cacheEvictions: 500, natPacketsDropped: 500, loadBalancer5xx: 50 },
    alerting: {
      platformTeam: 'platform',
      receivers: [
        { name: 'slack-staging', type: 'slack' },
        { name: 'heartbeat', type: 'webhook' },
      ],
      routes: [
        { team: 'platform', severity: 'critical', receivers: ['slack-staging', 'alert-topic'] },
        { team: 'platform', severity: 'warning', receivers: ['slack-staging'] },
        { team: 'ingest', severity: 'critical', receivers: ['slack-staging'] },
        { team: 'ingest', severity: 'warning', receivers: ['slack-staging'] },
        { team: 'processing', severity: 'critical', receivers: ['slack-staging'] },
        { team: 'processing', severity: 'warning', receivers: ['slack-staging'] },
      ],
      defaultRoutes: [
        { severity: 'critical', receivers: ['slack-staging'] },
        { severity: 'warning', receivers: ['slack-staging'] },
      ],
      watchdogReceiver: 'heartbeat',
    },
  },
  access: {
    adminRoleArns: ['arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_5f0c1d2e3a4b6c7d'],
    sso: { issuerUrl: 'https://sso.acme.example/oauth2/platform', platformGroup: 'platform-admins', readOnlyGroup: 'platform-readers', teamGroupPrefix: 'team-' },
    readOnlyRoleArns: ['arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformReadOnly_8e9f0a1b2c3d4e5f'],
  },
  secrets: { rotationDays: 90 },
  recovery: {
    copyRegions: [],
    objectives: {
      kubernetes: { rpoMinutes: 1440, rtoMinutes: 240 },
      database: { rpoMinutes: 15, rtoMinutes: 120 },
      'data-lake': { rpoMinutes: 60, rtoMinutes: 240 },
      'terraform-state': { rpoMinutes: 5, rtoMinutes: 60 },
    },
  },
};
