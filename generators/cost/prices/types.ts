/**
 * The shape of a region's price table: AWS on-demand list prices in USD, each table with the
 * source it was copied from and the date it was published. Per hour unless the name says month.
 */
export interface RegionPrices {
  region: string;
  /** Where the figures come from: the AWS pricing pages and Price List API offer files. */
  source: string;
  /** When they were published, as precisely as known: "as published around <month year>". */
  published: string;
  /** Spot instances are priced at this share of on-demand (an assumption: spot prices move hourly). */
  spotShareOfOnDemand: number;
  eks: { clusterHour: number; extendedSupportClusterHour: number };
  /**
   * EC2 Linux on-demand, per family, the price of its `large` size. Other sizes follow AWS's
   * normalization factors (medium ½, large 1, xlarge 2, Nxlarge 2N), as on-demand prices do.
   */
  ec2LargeHour: Record<string, number>;
  ebs: { gp3GbMonth: number };
  vpc: { natGatewayHour: number; publicIpv4Hour: number; interfaceEndpointAzHour: number };
  elb: { albHour: number; albLcuHour: number; nlbHour: number; nlbLcuHour: number };
  /** Aurora PostgreSQL (Aurora Standard), per DB instance class. */
  aurora: { instanceHour: Record<string, number>; storageGbMonth: number; ioPerMillion: number };
  /** ElastiCache for Redis OSS, per node type. */
  elasticache: { nodeHour: Record<string, number> };
  /** Amazon MSK provisioned, per broker type; storage per GB-month. */
  msk: { brokerHour: Record<string, number>; storageGbMonth: number };
  cloudwatch: { logsIngestedGb: number; logsStoredGbMonth: number; alarmMonth: number };
  s3: { standardGbMonth: number };
  ecr: { storageGbMonth: number };
  kms: { keyMonth: number };
  secretsManager: { secretMonth: number };
  route53: { hostedZoneMonth: number };
}
