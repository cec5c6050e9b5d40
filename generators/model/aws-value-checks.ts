/**
 * Values of an environment that AWS or Kubernetes would refuse at apply time, judged at synth:
 * regions and zones that exist, EKS versions that exist, instance classes of the right family for
 * each service, requests within limits, labels and tags, S3 lifecycle orders, and exception dates.
 * Runs only on schema-valid input; cheap (table look-ups and arithmetic).
 */
import type { Environment } from '../../environments/types.js';
import { EKS_VERSIONS } from './aws/eks-versions.js';
import { instanceTypeProblem, type InstanceUse } from './aws/instance-families.js';
import { AWS_REGION_ZONES, regionExists, regionPartition, zoneExists } from './aws/regions.js';
import { isCalendarDate } from './calendar-date.js';
import { exceptionLocation } from './exception-location.js';
import { labelAndTagProblems } from './labels-and-tags.js';
import { joinPath, type Problem } from './problem.js';
import { requestsWithinLimits } from './resource-checks.js';
import { lifecycleProblems } from './s3-lifecycle.js';

export function checkAwsValues(file: string, env: Environment): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ file, path, message });

  const { region, availabilityZones } = env.aws;
  if (!regionExists(region)) {
    const commercial = Object.keys(AWS_REGION_ZONES).filter((r) => regionPartition(r) === 'aws');
    report('aws.region', `no AWS region "${region}"; expected one of ${commercial.join(', ')}`);
  } else {
    if (regionPartition(region) !== 'aws') {
      report('aws.region', `${region} is in the ${regionPartition(region)} partition; the generated ARNs (arn:aws:…) are for the commercial partition only`);
    }
    availabilityZones.forEach((zone, i) => {
      if (zone.startsWith(region) && !zoneExists(region, zone)) {
        const zones = [...AWS_REGION_ZONES[region]!].map((letter) => region + letter).join(', ');
        report(`aws.availabilityZones[${i}]`, `no availability zone ${zone} in ${region}; expected one of ${zones}`);
      }
    });
  }

  if (!EKS_VERSIONS.includes(env.eks.version)) {
    report('eks.version', `EKS has no Kubernetes version ${env.eks.version}; expected one of ${EKS_VERSIONS.join(', ')}`);
  }

  const instance = (use: InstanceUse, path: string, type: string) => {
    const problem = instanceTypeProblem(use, type);
    if (problem) report(path, problem);
  };
  instance('aurora', 'database.instanceClass', env.database.instanceClass);
  instance('elasticache', 'cache.nodeType', env.cache.nodeType);
  instance('msk', 'kafka.brokerInstanceType', env.kafka.brokerInstanceType);

  for (const [namespace, budget] of Object.entries(env.namespaces)) {
    problems.push(
      ...requestsWithinLimits(file, joinPath('namespaces', namespace), [
        { request: { field: 'requestsCpu', value: budget.requestsCpu }, limit: { field: 'limitsCpu', value: budget.limitsCpu } },
        { request: { field: 'requestsMemory', value: budget.requestsMemory }, limit: { field: 'limitsMemory', value: budget.limitsMemory } },
      ]),
    );
  }

  env.dataLake.buckets.forEach((bucket, i) => {
    const path = `dataLake.buckets[${i}]`;
    for (const problem of lifecycleProblems({
      transitions: [{ days: bucket.intelligentTieringAfterDays, storageClass: 'INTELLIGENT_TIERING', path: `${path}.intelligentTieringAfterDays` }],
      expiration: { days: bucket.expirationDays, path: `${path}.expirationDays` },
      noncurrentExpiration: { days: bucket.noncurrentVersionExpirationDays, path: `${path}.noncurrentVersionExpirationDays` },
    })) {
      report(problem.path, problem.message);
    }
  });

  problems.push(...labelAndTagProblems(file, env));

  env.policyExceptions.forEach((exception, i) => {
    if (!isCalendarDate(exception.expires)) {
      const where = exceptionLocation(file, i, exception);
      problems.push({ file: where.file, path: `${where.path}.expires`, message: `${exception.expires} is not a date that exists; expected a real calendar date as YYYY-MM-DD` });
    }
  });
  return problems;
}
