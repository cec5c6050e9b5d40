/**
 * IRSA roles of the platform add-ons the Kubernetes side installs from Helm charts, each trusting
 * exactly the service account named in AWS_IDENTITIES. Velero's backup bucket lives here too.
 * (Karpenter's role is in karpenter.ts, the EBS CSI driver's in addons.ts, Loki's and Tempo's in
 * the observability stack.)
 */
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import type { PlatformModel } from '../../model/types.js';
import { AWS_IDENTITIES, naming, type AwsIdentity } from '../../naming.js';
import type { OidcProvider, Statement } from '../iam.js';
import { irsaRole } from '../irsa.js';
import { platformKey } from '../kms.js';
import { secureBucket } from '../s3-bucket.js';
import type { ClusterContext } from './context.js';
import { atlantisStatements } from './policies/atlantis.js';
import { certManagerStatements, externalDnsStatements } from './policies/dns.js';
import { externalSecretsStatements } from './policies/external-secrets.js';
import { loadBalancerControllerStatements } from './policies/load-balancer-controller.js';
import { veleroStatements } from './policies/velero.js';
import { copyRegion, replicateBuckets } from '../recovery/copy-region.js';
import { recoveryTags } from '../recovery/objective-tags.js';

/** Velero keeps noncurrent versions of deleted backups this long; current ones expire through Velero's own TTL. */
const VELERO_NONCURRENT_DAYS = 30;

export function addonRoles(ctx: ClusterContext, oidc: OidcProvider, model: PlatformModel): Partial<Record<AwsIdentity, IamRole>> {
  const { stack, env, prefix, clusterName, network } = ctx;
  const { region, accountId } = env.aws;
  const publicZoneId = network.getString('public_zone_id');

  const backupKey = platformKey(stack, 'backups', {
    accountId,
    alias: naming.kmsAlias(env.name, 'backups'),
    description: `${prefix} Velero backup encryption`,
  });
  const veleroBucket = naming.veleroBucket(env.name, accountId);
  const veleroLifecycle = { noncurrentVersionExpirationDays: VELERO_NONCURRENT_DAYS, expirationDays: 0 };
  const veleroBucketResource = secureBucket(stack, 'bucket_velero', {
    name: veleroBucket,
    kmsKeyArn: backupKey.arn,
    lifecycle: veleroLifecycle,
    tags: recoveryTags(env, 'kubernetes'),
  });
  // Prod: the backups survive the region (recovery.copyRegions).
  const copies = copyRegion(ctx.ps);
  if (copies) {
    replicateBuckets(stack, `${prefix}-cluster`, region, copies, [
      { id: 'bucket_velero', bucket: veleroBucketResource, name: veleroBucket, keyArn: backupKey.arn, lifecycle: veleroLifecycle },
    ]);
  }

  const roles: { name: AwsIdentity; description: string; statements: Statement[] }[] = [
    {
      name: 'aws-load-balancer-controller',
      description: 'AWS Load Balancer Controller: load balancers of this cluster',
      statements: loadBalancerControllerStatements({ region, accountId, clusterName }),
    },
    { name: 'cert-manager', description: 'cert-manager: DNS-01 challenges in the public zone', statements: certManagerStatements(publicZoneId) },
    { name: 'external-dns', description: 'external-dns: records in the public zone', statements: externalDnsStatements(publicZoneId) },
    {
      name: 'external-secrets',
      description: 'External Secrets: reads this environment\'s secrets',
      statements: externalSecretsStatements({
        region,
        accountId,
        secretPrefix: naming.secretPrefix(env.name),
        secretsKeyAlias: naming.kmsAlias(env.name, 'secrets'),
      }),
    },
    {
      name: 'velero',
      description: 'Velero: cluster backups and volume snapshots',
      statements: veleroStatements({ region, accountId, bucket: veleroBucket, bucketKeyArn: backupKey.arn }),
    },
  ];
  if (env.hostsPlatformTooling) {
    roles.push({
      name: 'atlantis',
      description: 'Atlantis: assumes the Terraform role of every environment',
      statements: atlantisStatements(model.environments.map((e) => naming.roleArn(e.aws.accountId, e.aws.terraformRoleName))),
    });
  }

  return Object.fromEntries(
    roles.map((r) => [
      r.name,
      irsaRole(stack, { env: env.name, name: r.name, serviceAccount: AWS_IDENTITIES[r.name], oidc, description: r.description, statements: r.statements }),
    ]),
  );
}
