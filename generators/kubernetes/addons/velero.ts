/**
 * Velero: a daily backup of the platform namespaces (objects and EBS snapshots) to its S3 bucket
 * through IRSA, kept as long as the environment keeps database backups.
 */
import { PLATFORM_NAMESPACES } from '../../../environments/types.js';
import { imageRepositories, imageTags } from '../../../environments/versions.js';
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { containerSecurity, podSecurity, type ContainerSecurityValues, type PodSecurityValues } from './hardening.js';
import { addonRelease, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';

interface VeleroValues {
  initContainers: {
    name: string;
    image: string;
    imagePullPolicy: 'IfNotPresent';
    volumeMounts: { mountPath: string; name: string }[];
    securityContext: ContainerSecurityValues;
    resources: ResourceValues;
  }[];
  podSecurityContext: PodSecurityValues;
  /** Read-only root: the chart then mounts an emptyDir at /tmp (and always one at /scratch and /plugins). */
  containerSecurityContext: ContainerSecurityValues;
  /** The CRD upgrade hook Job: its kubectl init container and its velero container. */
  kubectl: { containerSecurityContext: ContainerSecurityValues; resources: ResourceValues };
  upgradeJobResources: ResourceValues;
  configuration: {
    backupStorageLocation: { name: string; provider: 'aws'; bucket: string; default: boolean; config: { region: string } }[];
    volumeSnapshotLocation: { name: string; provider: 'aws'; config: { region: string } }[];
  };
  credentials: { useSecret: boolean };
  serviceAccount: { server: ServiceAccountValues };
  deployNodeAgent: boolean;
  schedules: Record<string, { disabled: boolean; schedule: string; useOwnerReferencesInBackup: boolean; template: { ttl: string; includedNamespaces: string[]; snapshotVolumes: boolean } }>;
  metrics: { enabled: boolean; serviceMonitor: { enabled: boolean } };
  resources: ResourceValues;
}

export function veleroRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<VeleroValues>(
    env,
    'velero',
    { namespace: AWS_IDENTITIES.velero.namespace, dependsOn: [BASELINE_APP, 'kube-prometheus-stack'] },
    {
      initContainers: [
        {
          name: 'velero-plugin-for-aws',
          image: `${imageRepositories.veleroPluginForAws}:${imageTags.veleroPluginForAws}`,
          imagePullPolicy: 'IfNotPresent',
          volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
          securityContext: containerSecurity(),
          resources: resources('10m', '32Mi', '100m', '64Mi'),
        },
      ],
      // The velero image runs as the distroless nonroot user; fsGroup lets it read the IRSA token.
      podSecurityContext: podSecurity(65532, { group: 65532, fsGroup: 65532 }),
      containerSecurityContext: containerSecurity(),
      kubectl: { containerSecurityContext: containerSecurity(), resources: resources('10m', '32Mi', '100m', '64Mi') },
      upgradeJobResources: resources('50m', '64Mi', '200m', '256Mi'),
      configuration: {
        backupStorageLocation: [{ name: 'default', provider: 'aws', bucket: naming.veleroBucket(env.name, env.aws.accountId), default: true, config: { region: env.aws.region } }],
        volumeSnapshotLocation: [{ name: 'default', provider: 'aws', config: { region: env.aws.region } }],
      },
      credentials: { useSecret: false },
      serviceAccount: { server: irsaServiceAccount(env, 'velero') },
      deployNodeAgent: false,
      schedules: {
        daily: {
          disabled: false,
          schedule: '0 3 * * *',
          useOwnerReferencesInBackup: false,
          template: { ttl: `${env.database.backupRetentionDays * 24}h0m0s`, includedNamespaces: [...PLATFORM_NAMESPACES], snapshotVolumes: true },
        },
      },
      metrics: { enabled: true, serviceMonitor: { enabled: true } },
      resources: resources('100m', '256Mi', '1', '512Mi'),
    },
  );
}
