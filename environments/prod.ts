import type { Environment } from './types.js';
import { chartVersions } from './versions.js';
import { chartLimitationExceptions, platformPolicyExceptions } from './policy-exceptions.js';

/** Production: three zones, a NAT gateway per zone, on-demand capacity, deletion protection and long retention. Hosts Atlantis. */
export const prod: Environment = {
  name: 'prod',
  tier: 'production',
  /** Promotion order: dev → staging → prod. */
  promotesFrom: 'staging',
  aws: {
    accountId: '333333333333',
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    terraformRoleName: 'platform-terraform',
  },
  owners: { team: '@acme/platform', reviewers: ['@acme/platform-leads'], costCenter: 'cc-1001-prod', alertEmail: 'platform-prod-alerts@acme.example' },
  domain: 'platform.acme.example',
  network: {
    vpcCidr: '10.30.0.0/16',
    subnets: {
      public: ['10.30.0.0/24', '10.30.1.0/24', '10.30.2.0/24'],
      private: ['10.30.16.0/20', '10.30.32.0/20', '10.30.48.0/20'],
      database: ['10.30.64.0/24', '10.30.65.0/24', '10.30.66.0/24'],
    },
    natGateways: 'one-per-az',
    flowLogRetentionDays: 365,
  },
  eks: {
    version: '1.35',
    publicAccessCidrs: [],
    controlPlaneLogRetentionDays: 365,
    nodePools: [
      {
        name: 'system',
        instanceTypes: ['m6i.xlarge'],
        capacityType: 'ON_DEMAND',
        architecture: 'x86_64',
        minSize: 3,
        desiredSize: 3,
        maxSize: 6,
        diskSizeGiB: 100,
        labels: { 'platform.acme.example/pool': 'system' },
        taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'PreferNoSchedule' }],
      },
      {
        name: 'apps',
        instanceTypes: ['m6i.2xlarge'],
        capacityType: 'ON_DEMAND',
        architecture: 'x86_64',
        minSize: 6,
        desiredSize: 6,
        maxSize: 30,
        diskSizeGiB: 100,
        labels: { 'platform.acme.example/pool': 'apps' },
        taints: [],
      },
      {
        name: 'data',
        instanceTypes: ['m7g.2xlarge'],
        capacityType: 'ON_DEMAND',
        architecture: 'arm64',
        minSize: 3,
        desiredSize: 3,
        maxSize: 12,
        diskSizeGiB: 200,
        labels: { 'platform.acme.example/pool': 'data' },
        taints: [{ key: 'platform.acme.example/pool', value: 'data', effect: 'NoSchedule' }],
      },
    ],
  },
  database: {
    engineVersion: '16.4',
    instanceClass: 'db.r6g.xlarge',
    instances: 3,
    backupRetentionDays: 30,
    deletionProtection: true,
    performanceInsightsRetentionDays: 31,
  },
  cache: { engineVersion: '7.1', nodeType: 'cache.r7g.xlarge', nodes: 3, multiAz: true, snapshotRetentionDays: 14 },
  kafka: { version: '3.6.0', brokerInstanceType: 'kafka.m5.xlarge', brokersPerAz: 1, volumeSizeGiB: 1000 },
  dataLake: {
    buckets: [
      { name: 'raw', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 90, expirationDays: 730 },
      { name: 'curated', intelligentTieringAfterDays: 30, noncurrentVersionExpirationDays: 90, expirationDays: 0 },
    ],
  },
  namespaces: {
    'platform-system': { requestsCpu: '48', requestsMemory: '96Gi', limitsCpu: '96', limitsMemory: '192Gi', pods: 300 },
    'platform-apps': { requestsCpu: '128', requestsMemory: '256Gi', limitsCpu: '256', limitsMemory: '512Gi', pods: 600 },
    'platform-data': { requestsCpu: '64', requestsMemory: '128Gi', limitsCpu: '128', limitsMemory: '256Gi', pods: 300 },
    'platform-monitoring': { requestsCpu: '32', requestsMemory: '64Gi', limitsCpu: '64', limitsMemory: '128Gi', pods: 200 },
    'platform-policy': { requestsCpu: '4', requestsMemory: '8Gi', limitsCpu: '16', limitsMemory: '16Gi', pods: 40 },
  },
  addons: { ...chartVersions },
  hostsPlatformTooling: true,
  services: {
    'api-gateway': { replicas: { min: 3, max: 12 } },
    'data-collector': { replicas: { min: 3, max: 20 } },
    'data-processor': { replicas: { min: 3, max: 30 } },
  },
  alerts: { availabilityPercent: 99.9, errorRatePercent: 1, latencyP99Ms: 500, cpuPercent: 80, memoryPercent: 80 },
  budget: { monthlyUsd: 25000, notifyAtPercent: [50, 80, 100] },
  logRetentionDays: 365,
  policyExceptions: [...platformPolicyExceptions, ...chartLimitationExceptions],
  operations: {
    audit: {
      trailLogRetentionDays: 365,
      trailFileRetentionDays: 2557,
      guardDuty: { eksAuditLogs: true, eksRuntimeMonitoring: false, findingPublishingFrequency: 'FIFTEEN_MINUTES' },
    },
    maintenance: { database: 'sun:03:00-sun:04:00', databaseBackup: '01:00-02:00', cache: 'sun:04:00-sun:05:00', cacheSnapshot: '01:00-02:00' },
    alarms: { databaseConnections: 1500, databaseReplicaLagMs: 1000, databaseFreeLocalStorageGiB: 20, cacheEvictions: 100, natPacketsDropped: 100, loadBalancer5xx: 25 },
    alerting: {
      platformTeam: 'platform',
      receivers: [
        { name: 'pagerduty', type: 'pagerduty' },
        { name: 'slack-platform', type: 'slack' },
        { name: 'slack-ingest', type: 'slack' },
        { name: 'slack-processing', type: 'slack' },
        { name: 'heartbeat', type: 'webhook' },
      ],
      routes: [
        { team: 'platform', severity: 'critical', receivers: ['pagerduty', 'slack-platform', 'alert-topic'] },
        { team: 'platform', severity: 'warning', receivers: ['slack-platform'] },
        { team: 'ingest', severity: 'critical', receivers: ['pagerduty', 'slack-ingest'] },
        { team: 'ingest', severity: 'warning', receivers: ['slack-ingest'] },
        { team: 'processing', severity: 'critical', receivers: ['pagerduty', 'slack-processing'] },
        { team: 'processing', severity: 'warning', receivers: ['slack-processing'] },
      ],
      defaultRoutes: [
        { severity: 'critical', receivers: ['pagerduty', 'slack-platform'] },
        { severity: 'warning', receivers: ['slack-platform'] },
      ],
      watchdogReceiver: 'heartbeat',
    },
  },
  access: {
    adminRoleArns: ['arn:aws:iam::333333333333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_5f0c1d2e3a4b6c7d'],
    sso: { issuerUrl: 'https://sso.acme.example/oauth2/platform', platformGroup: 'platform-admins', readOnlyGroup: 'platform-readers', teamGroupPrefix: 'team-' },
    readOnlyRoleArns: ['arn:aws:iam::333333333333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformReadOnly_8e9f0a1b2c3d4e5f'],
  },
  secrets: { rotationDays: 90 },
  recovery: {
    copyRegions: ['eu-central-1'],
    objectives: {
      kubernetes: { rpoMinutes: 1440, rtoMinutes: 120 },
      database: { rpoMinutes: 5, rtoMinutes: 60 },
      'data-lake': { rpoMinutes: 60, rtoMinutes: 120 },
      'terraform-state': { rpoMinutes: 5, rtoMinutes: 60 },
    },
  },
};
