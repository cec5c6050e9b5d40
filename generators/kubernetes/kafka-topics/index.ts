/**
 * The `kafka-topics` app: the platform creates the Kafka topics the services declare (brokers never
 * auto-create them). A Job named by a hash of what it creates (so a changed declaration runs a new
 * Job and an unchanged one never re-runs) runs the Kafka CLI with the MSK IAM jar
 * (environments/versions.ts kafkaAdminImage) under its own IRSA role, which may create, describe
 * and alter exactly the declared topics (generators/terraform/services/kafka-topics.ts). Non-root,
 * read-only root file system, no capabilities, no API token; its NetworkPolicy lets it reach the
 * brokers (the platform-data namespace's data-endpoint rule) and STS through the private subnets.
 */
import { createHash } from 'node:crypto';
import { k8s } from 'cdk8s-plus-27';
import { kafkaAdminImage } from '../../../environments/versions.js';
import { platformTopics } from '../../model/kafka-topics.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming } from '../../naming.js';
import { OTEL_COLLECTOR } from '../addons/endpoints.js';
import { chartManifests, newChart, type Manifest } from '../chart.js';
import { customResource } from '../crds.js';
import { irsaAnnotations } from '../irsa.js';
import { selectorLabels, standardLabels } from '../labels.js';
import { cidrPeers, networkPolicy, tcp } from '../network-policy.js';
import { externalSecret } from '../service/secrets.js';
import { RUN_AS } from '../service/workload.js';
import { CLIENT_PROPERTIES, CLIENT_PROPERTIES_FILE, CONFIG_DIR, CREATE_TOPICS_SCRIPT, SCRIPT_FILE, TOPICS_FILE, topicsFile } from './script.js';

export const KAFKA_TOPICS_APP = 'kafka-topics';
const IDENTITY = AWS_IDENTITIES[KAFKA_TOPICS_APP];
/** The ECR repository name of the admin image (naming.ecrRepository of it). */
export const KAFKA_ADMIN_REPOSITORY = kafkaAdminImage.repository;
const HTTPS = 443;

export function kafkaTopicsManifests(env: ResolvedEnvironment): Manifest[] {
  const name = KAFKA_TOPICS_APP;
  const namespace = IDENTITY.namespace;
  const chart = newChart(name, standardLabels(name, 'kafka-topics'));
  const topics = topicsFile(platformTopics(env, env.services));
  const image = naming.serviceImage(env.aws.accountId, env.aws.region, KAFKA_ADMIN_REPOSITORY, kafkaAdminImage.tag);
  const hash = createHash('sha256').update([topics, CREATE_TOPICS_SCRIPT, CLIENT_PROPERTIES, image].join('\0')).digest('hex').slice(0, 10);

  new k8s.KubeServiceAccount(chart, 'service-account', {
    metadata: { name: IDENTITY.serviceAccount, namespace, annotations: irsaAnnotations(env, name) },
    automountServiceAccountToken: false,
  });
  customResource(chart, 'external-secret', externalSecret(name, namespace, { data: [{ secretKey: 'kafka-bootstrap-brokers', remoteRef: { key: naming.kafkaBootstrapSecret(env.name) } }] }));
  new k8s.KubeConfigMap(chart, 'config', {
    metadata: { name, namespace },
    data: { [TOPICS_FILE]: topics, [SCRIPT_FILE]: CREATE_TOPICS_SCRIPT, [CLIENT_PROPERTIES_FILE]: CLIENT_PROPERTIES },
  });
  new k8s.KubeJob(chart, 'job', {
    metadata: { name: `${name}-${hash}`, namespace },
    spec: {
      backoffLimit: 6,
      activeDeadlineSeconds: 900,
      template: {
        metadata: { labels: selectorLabels(name) },
        spec: {
          serviceAccountName: IDENTITY.serviceAccount,
          // One pod at a time; the constraint only states the zone-spread rule every workload follows.
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(name) } }],
          automountServiceAccountToken: false,
          restartPolicy: 'Never',
          securityContext: { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, fsGroup: RUN_AS, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name,
              image,
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/sh', `${CONFIG_DIR}/${SCRIPT_FILE}`],
              env: [
                { name: 'KAFKA_BOOTSTRAP_SERVERS', valueFrom: { secretKeyRef: { name, key: 'kafka-bootstrap-brokers' } } },
                { name: 'AWS_REGION', value: env.aws.region },
                // How it reaches the brokers: the IAM listener over TLS (what the traffic check reads, as for services).
                { name: 'KAFKA_AUTH', value: 'AWS_MSK_IAM' },
                { name: 'KAFKA_TLS', value: 'true' },
                // The namespace lets every pod export traces; the Job names the collector like every workload does.
                { name: 'OTEL_SERVICE_NAME', value: name },
                { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: `http://${OTEL_COLLECTOR.host}:${OTEL_COLLECTOR.grpcPort}` },
                // The Kafka scripts write logs and the JVM its temporary files: only /tmp is writable.
                { name: 'LOG_DIR', value: '/tmp' },
                { name: 'HOME', value: '/tmp' },
                { name: 'KAFKA_HEAP_OPTS', value: '-Xmx256m' },
              ],
              resources: {
                requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('384Mi') },
                limits: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('512Mi') },
              },
              securityContext: {
                runAsNonRoot: true,
                runAsUser: RUN_AS,
                runAsGroup: RUN_AS,
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
                privileged: false,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [
                { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name } },
            { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } },
          ],
        },
      },
    },
  });
  // Brokers: the namespace's allow-data-endpoints rule. STS (IRSA credentials for the IAM signature): its VPC endpoint.
  networkPolicy(chart, 'network-policy', {
    name,
    namespace,
    pods: selectorLabels(name),
    egress: [{ to: cidrPeers(env.network.subnets.private), ports: tcp(HTTPS) }],
  });
  return chartManifests(chart);
}
