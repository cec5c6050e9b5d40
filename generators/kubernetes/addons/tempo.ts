/** Tempo: trace storage in its S3 bucket through IRSA, fed by the OpenTelemetry collector over OTLP. */
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { BASELINE_APP } from '../baseline/index.js';
import { TEMPO } from './endpoints.js';
import { containerSecurity, type ContainerSecurityValues } from './hardening.js';
import { addonRelease, irsaServiceAccount, resources, telemetryRetentionDays, type ResourceValues, type ServiceAccountValues } from './release.js';

interface TempoValues {
  fullnameOverride: string;
  tempo: {
    retention: string;
    storage: { trace: { backend: 's3'; s3: { bucket: string; endpoint: string; region: string } } };
    receivers: { otlp: { protocols: { grpc: { endpoint: string }; http: { endpoint: string } } } };
    resources: ResourceValues;
    securityContext: ContainerSecurityValues;
    /** Read-only root: the write-ahead log and local blocks (/var/tempo) go to an emptyDir. */
    extraVolumeMounts: { name: string; mountPath: string }[];
  };
  extraVolumes: { name: string; emptyDir: Record<string, never> }[];
  /** Merged over the chart's default Pod securityContext (non-root 10001, fsGroup 10001). */
  securityContext: { seccompProfile: { type: 'RuntimeDefault' } };
  serviceAccount: ServiceAccountValues;
}

export function tempoRelease(env: ResolvedEnvironment): HelmRelease {
  return addonRelease<TempoValues>(env, 'tempo', { namespace: AWS_IDENTITIES.tempo.namespace, dependsOn: [BASELINE_APP] }, {
    fullnameOverride: TEMPO.fullname,
    tempo: {
      retention: `${telemetryRetentionDays(env) * 24}h`,
      storage: {
        trace: { backend: 's3', s3: { bucket: naming.tempoBucket(env.name, env.aws.accountId), endpoint: `s3.${env.aws.region}.amazonaws.com`, region: env.aws.region } },
      },
      receivers: { otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } } } },
      resources: resources('250m', '1Gi', '1', '2Gi'),
      securityContext: containerSecurity(),
      extraVolumeMounts: [{ name: 'tempo-data', mountPath: '/var/tempo' }],
    },
    extraVolumes: [{ name: 'tempo-data', emptyDir: {} }],
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    serviceAccount: irsaServiceAccount(env, 'tempo'),
  });
}
