/**
 * Europe (Ireland), eu-west-1: AWS on-demand list prices in USD, as published around November 2025,
 * copied from the AWS pricing pages (aws.amazon.com/<service>/pricing) and checked against the
 * Price List API offer files named below. Prices change rarely and never retroactively: when AWS
 * publishes new ones, update the figures, `published` and the README's Cost section together.
 */
import type { RegionPrices } from './types.js';

export const euWest1: RegionPrices = {
  region: 'eu-west-1',
  source:
    'AWS pricing pages and Price List API offer files (pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/current/eu-west-1/index.json) ' +
    'for AmazonEKS, AmazonEC2, AmazonVPC, AWSELB, AmazonRDS, AmazonElastiCache, AmazonMSK, AmazonCloudWatch, AmazonS3, AmazonECR, awskms, AWSSecretsManager, AmazonRoute53',
  published: 'as published around November 2025',
  // AWS advertises spot "up to 90%" off; 60% off is the stated assumption for general-purpose families in eu-west-1.
  spotShareOfOnDemand: 0.4,
  eks: { clusterHour: 0.1, extendedSupportClusterHour: 0.6 },
  ec2LargeHour: {
    c5: 0.096,
    c6a: 0.0864,
    c6g: 0.077,
    c6i: 0.096,
    c7g: 0.0816,
    c7i: 0.1008,
    m5: 0.107,
    m5a: 0.096,
    m6a: 0.0963,
    m6g: 0.086,
    m6i: 0.107,
    m7g: 0.0912,
    m7i: 0.1124,
    r5: 0.141,
    r6a: 0.1269,
    r6g: 0.1128,
    r6i: 0.141,
    r7g: 0.1197,
    r7i: 0.1481,
  },
  ebs: { gp3GbMonth: 0.088 },
  vpc: { natGatewayHour: 0.048, publicIpv4Hour: 0.005, interfaceEndpointAzHour: 0.011 },
  elb: { albHour: 0.0252, albLcuHour: 0.008, nlbHour: 0.0252, nlbLcuHour: 0.006 },
  aurora: {
    instanceHour: {
      'db.t4g.medium': 0.081,
      'db.t4g.large': 0.162,
      'db.r6g.large': 0.285,
      'db.r6g.xlarge': 0.57,
      'db.r6g.2xlarge': 1.14,
      'db.r7g.large': 0.302,
      'db.r7g.xlarge': 0.604,
      'db.r7g.2xlarge': 1.208,
    },
    storageGbMonth: 0.11,
    ioPerMillion: 0.22,
  },
  elasticache: {
    nodeHour: {
      'cache.t4g.small': 0.036,
      'cache.t4g.medium': 0.073,
      'cache.m7g.large': 0.176,
      'cache.r6g.large': 0.228,
      'cache.r7g.large': 0.242,
      'cache.r7g.xlarge': 0.484,
      'cache.r7g.2xlarge': 0.968,
    },
  },
  msk: {
    brokerHour: {
      'kafka.t3.small': 0.05,
      'kafka.m5.large': 0.228,
      'kafka.m5.xlarge': 0.456,
      'kafka.m5.2xlarge': 0.912,
      'kafka.m7g.large': 0.204,
      'kafka.m7g.xlarge': 0.408,
    },
    storageGbMonth: 0.11,
  },
  cloudwatch: { logsIngestedGb: 0.57, logsStoredGbMonth: 0.03, alarmMonth: 0.1 },
  s3: { standardGbMonth: 0.023 },
  ecr: { storageGbMonth: 0.1 },
  kms: { keyMonth: 1 },
  secretsManager: { secretMonth: 0.4 },
  route53: { hostedZoneMonth: 0.5 },
};
