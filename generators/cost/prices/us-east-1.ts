/**
 * US East (N. Virginia), us-east-1: AWS on-demand list prices in USD, as published around November
 * 2025, copied from the AWS pricing pages (aws.amazon.com/<service>/pricing) and checked against
 * the Price List API offer files named below. No environment uses it today; it is here so a second
 * production region (README, "Environments") can be priced without a table first.
 */
import type { RegionPrices } from './types.js';

export const usEast1: RegionPrices = {
  region: 'us-east-1',
  source:
    'AWS pricing pages and Price List API offer files (pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/current/us-east-1/index.json) ' +
    'for AmazonEKS, AmazonEC2, AmazonVPC, AWSELB, AmazonRDS, AmazonElastiCache, AmazonMSK, AmazonCloudWatch, AmazonS3, AmazonECR, awskms, AWSSecretsManager, AmazonRoute53',
  published: 'as published around November 2025',
  spotShareOfOnDemand: 0.4,
  eks: { clusterHour: 0.1, extendedSupportClusterHour: 0.6 },
  ec2LargeHour: {
    c5: 0.085,
    c6a: 0.0765,
    c6g: 0.068,
    c6i: 0.085,
    c7g: 0.0725,
    c7i: 0.08925,
    m5: 0.096,
    m5a: 0.086,
    m6a: 0.0864,
    m6g: 0.077,
    m6i: 0.096,
    m7g: 0.0816,
    m7i: 0.1008,
    r5: 0.126,
    r6a: 0.1134,
    r6g: 0.1008,
    r6i: 0.126,
    r7g: 0.1071,
    r7i: 0.1323,
  },
  ebs: { gp3GbMonth: 0.08 },
  vpc: { natGatewayHour: 0.045, publicIpv4Hour: 0.005, interfaceEndpointAzHour: 0.01 },
  elb: { albHour: 0.0225, albLcuHour: 0.008, nlbHour: 0.0225, nlbLcuHour: 0.006 },
  aurora: {
    instanceHour: {
      'db.t4g.medium': 0.073,
      'db.t4g.large': 0.146,
      'db.r6g.large': 0.26,
      'db.r6g.xlarge': 0.519,
      'db.r6g.2xlarge': 1.038,
      'db.r7g.large': 0.276,
      'db.r7g.xlarge': 0.552,
      'db.r7g.2xlarge': 1.104,
    },
    storageGbMonth: 0.1,
    ioPerMillion: 0.2,
  },
  elasticache: {
    nodeHour: {
      'cache.t4g.small': 0.032,
      'cache.t4g.medium': 0.065,
      'cache.m7g.large': 0.158,
      'cache.r6g.large': 0.206,
      'cache.r7g.large': 0.219,
      'cache.r7g.xlarge': 0.437,
      'cache.r7g.2xlarge': 0.873,
    },
  },
  msk: {
    brokerHour: {
      'kafka.t3.small': 0.0456,
      'kafka.m5.large': 0.21,
      'kafka.m5.xlarge': 0.42,
      'kafka.m5.2xlarge': 0.84,
      'kafka.m7g.large': 0.2,
      'kafka.m7g.xlarge': 0.4,
    },
    storageGbMonth: 0.1,
  },
  cloudwatch: { logsIngestedGb: 0.5, logsStoredGbMonth: 0.03, alarmMonth: 0.1 },
  s3: { standardGbMonth: 0.023 },
  ecr: { storageGbMonth: 0.1 },
  kms: { keyMonth: 1 },
  secretsManager: { secretMonth: 0.4 },
  route53: { hostedZoneMonth: 0.5 },
};
