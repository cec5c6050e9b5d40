/** external-dns: publishes Ingress hosts in the environment's public Route 53 zone, owning only records it created. */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { addonRelease, irsaServiceAccount, resources, type ResourceValues, type ServiceAccountValues } from './release.js';

interface ExternalDnsValues {
  provider: { name: 'aws' };
  env: { name: string; value: string }[];
  sources: string[];
  domainFilters: string[];
  policy: 'sync' | 'upsert-only';
  registry: 'txt';
  txtOwnerId: string;
  extraArgs: string[];
  serviceAccount: ServiceAccountValues;
  serviceMonitor: { enabled: boolean };
  resources: ResourceValues;
}

export function externalDnsRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<ExternalDnsValues>(
    env,
    'external-dns',
    { namespace: AWS_IDENTITIES['external-dns'].namespace, dependsOn: [BASELINE_APP, 'kube-prometheus-stack'] },
    {
      provider: { name: 'aws' },
      env: [{ name: 'AWS_DEFAULT_REGION', value: env.aws.region }],
      sources: ['ingress'],
      domainFilters: [env.domain],
      policy: 'sync',
      registry: 'txt',
      txtOwnerId: naming.clusterName(env.name),
      extraArgs: ['--aws-zone-type=public'],
      serviceAccount: irsaServiceAccount(env, 'external-dns'),
      serviceMonitor: { enabled: true },
      resources: resources('50m', '64Mi', '200m', '128Mi'),
    },
  );
}
