/**
 * The running part of a service: its ServiceAccount (IRSA), the Deployment (cdk8s-plus-27) and the
 * Service in front of it.
 *
 * Every pod: non-root with a fixed UID, read-only root file system (a size-limited /tmp is the only
 * writable path), no privilege escalation, all capabilities dropped, the runtime's default seccomp
 * profile, no Kubernetes API token, requests and limits from the model, startup/readiness/liveness
 * probes, and spread across zones (hard) and nodes (soft). Replicas are left to the HPA.
 */
import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { naming } from '../../naming.js';
import { irsaAnnotations } from '../irsa.js';
import { standardLabels } from '../labels.js';
import { HTTP_PORT_NAME, SERVICE_PORT, type ServiceContext } from './context.js';
import { metricsAnnotations } from './metrics.js';
import { SECRETS_MOUNT_PATH, type SecretEntry } from './secrets.js';

/** UID and GID every service container runs as; images must work as an arbitrary non-root user. */
export const RUN_AS = 10001;
const TMP_SIZE = Size.mebibytes(64);

/** Extra files a kind of service needs (the gateway's nginx.conf and API keys). */
export interface ExtraMount {
  path: string;
  volume: kplus.Volume;
  subPath?: string;
}

export interface WorkloadParts {
  configMap: kplus.IConfigMap;
  /** Keys of the service's own Secret (empty: the service has none). */
  secretEntries: SecretEntry[];
  extraMounts: ExtraMount[];
  /** Hash of the configuration the pods read at start; a change rolls the pods. */
  configChecksum: string;
}

export function podLabels(ctx: ServiceContext): Record<string, string> {
  return { ...standardLabels(ctx.service.name, ctx.service.kind), 'app.kubernetes.io/version': ctx.service.imageTag };
}

function probes(ctx: ServiceContext) {
  const { port, probes: paths } = ctx.service;
  const http = (path: string, periodSeconds: number, failureThreshold: number) =>
    kplus.Probe.fromHttpGet(path, { port, periodSeconds: Duration.seconds(periodSeconds), timeoutSeconds: Duration.seconds(2), failureThreshold });
  return {
    // Up to 150 s to start, then readiness every 5 s and liveness every 10 s.
    startup: http(paths.startupPath, 5, 30),
    readiness: http(paths.readinessPath, 5, 3),
    liveness: http(paths.livenessPath, 10, 3),
  };
}

function secretVariables(scope: Construct, ctx: ServiceContext, entries: SecretEntry[]): Record<string, kplus.EnvValue> {
  const secret = kplus.Secret.fromSecretName(scope, 'secret-reference', ctx.service.name);
  return Object.fromEntries(
    entries.flatMap((e) => (e.variable ? [[e.variable, kplus.EnvValue.fromSecretValue({ secret, key: e.key })]] : [])),
  );
}

function mounts(scope: Construct, ctx: ServiceContext, parts: WorkloadParts): kplus.VolumeMount[] {
  const tmp = kplus.Volume.fromEmptyDir(scope, 'volume-tmp', 'tmp', { sizeLimit: TMP_SIZE });
  const files = parts.secretEntries.filter((e) => !e.variable);
  const secretFiles: kplus.VolumeMount[] =
    files.length > 0
      ? [
          {
            path: SECRETS_MOUNT_PATH,
            readOnly: true,
            volume: kplus.Volume.fromSecret(scope, 'volume-secrets', kplus.Secret.fromSecretName(scope, 'secret-volume', ctx.service.name), {
              name: 'secrets',
              items: Object.fromEntries(files.map((e) => [e.key, { path: e.key }])),
            }),
          },
        ]
      : [];
  return [{ path: '/tmp', volume: tmp }, ...secretFiles, ...parts.extraMounts.map((m) => ({ path: m.path, volume: m.volume, subPath: m.subPath, readOnly: true }))];
}

/** Settings cdk8s-plus-27 has no property for, patched onto the rendered object. */
function hardening(ctx: ServiceContext): JsonPatch[] {
  const { resources } = ctx.service;
  const quantity = kplus.k8s.Quantity.fromString;
  const spread = (topologyKey: string, whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway') => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable,
    labelSelector: { matchLabels: ctx.selector },
    matchLabelKeys: ['pod-template-hash'],
  });
  return [
    // cdk8s-plus labels pods with a construct-path hash; the explicit selector labels replace it.
    JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'),
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    JsonPatch.add('/spec/template/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }),
    // Exactly the quantities of the model (cdk8s-plus would rewrite 1Gi as 1024Mi). Patches apply
    // before the L1 object's own conversion, so values take its Quantity type.
    JsonPatch.replace('/spec/template/spec/containers/0/resources', {
      requests: { cpu: quantity(resources.cpuRequest), memory: quantity(resources.memoryRequest) },
      limits: { cpu: quantity(resources.cpuLimit), memory: quantity(resources.memoryLimit) },
    }),
    JsonPatch.add('/spec/template/spec/topologySpreadConstraints', [
      spread('topology.kubernetes.io/zone', 'DoNotSchedule'),
      spread('kubernetes.io/hostname', 'ScheduleAnyway'),
    ]),
  ];
}

export function addServiceAccount(scope: Construct, ctx: ServiceContext): kplus.ServiceAccount {
  const { env, service } = ctx;
  return new kplus.ServiceAccount(scope, 'service-account', {
    metadata: {
      name: naming.serviceAccount(service.name).serviceAccount,
      namespace: ctx.namespace,
      annotations: irsaAnnotations(env, service.name),
    },
    automountToken: false,
  });
}

export function addDeployment(scope: Construct, ctx: ServiceContext, serviceAccount: kplus.IServiceAccount, parts: WorkloadParts): kplus.Deployment {
  const { env, service } = ctx;
  const deployment = new kplus.Deployment(scope, 'deployment', {
    metadata: { name: service.name, namespace: ctx.namespace, labels: { 'app.kubernetes.io/version': service.imageTag } },
    select: false,
    podMetadata: { labels: podLabels(ctx), annotations: { 'checksum/config': parts.configChecksum, ...metricsAnnotations(service.metrics) } },
    serviceAccount,
    automountServiceAccountToken: false,
    securityContext: { ensureNonRoot: true, user: RUN_AS, group: RUN_AS, fsGroup: RUN_AS },
    strategy: kplus.DeploymentStrategy.rollingUpdate({ maxSurge: kplus.PercentOrAbsolute.percent(25), maxUnavailable: kplus.PercentOrAbsolute.absolute(0) }),
    containers: [
      {
        name: service.name,
        image: naming.serviceImage(env.aws.accountId, env.aws.region, service.name, service.imageTag),
        imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        ports: [{ number: service.port, name: HTTP_PORT_NAME }],
        securityContext: { ensureNonRoot: true, user: RUN_AS, group: RUN_AS, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false },
        envFrom: [kplus.Env.fromConfigMap(parts.configMap)],
        envVariables: secretVariables(scope, ctx, parts.secretEntries),
        volumeMounts: mounts(scope, ctx, parts),
        ...probes(ctx),
      },
    ],
  });
  deployment.select(kplus.LabelSelector.of({ labels: ctx.selector }));
  for (const patch of hardening(ctx)) ApiObject.of(deployment).addJsonPatch(patch);
  return deployment;
}

export function addService(scope: Construct, ctx: ServiceContext): kplus.Service {
  const service = new kplus.Service(scope, 'service', {
    metadata: { name: ctx.service.name, namespace: ctx.namespace },
    ports: [{ name: HTTP_PORT_NAME, port: SERVICE_PORT, targetPort: ctx.service.port }],
  });
  for (const [key, value] of Object.entries(ctx.selector)) service.selectLabel(key, value);
  ApiObject.of(service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));
  return service;
}
