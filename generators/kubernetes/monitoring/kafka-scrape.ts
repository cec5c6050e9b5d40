/**
 * Prometheus's scrape jobs for MSK open monitoring. The broker host names exist only after MSK is
 * created; Terraform writes the bootstrap broker list (`b-1.<cluster>…:9098,b-2…`) to Secrets
 * Manager, and External Secrets renders it into the jobs (JMX exporter 11001, node exporter 11002),
 * the Secret kube-prometheus-stack's Prometheus takes as `additionalScrapeConfigs`. A broker
 * added later appears in the bootstrap list, so in the jobs at the next refresh.
 */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { customResource, EXTERNAL_SECRETS_API } from '../crds.js';

export const KAFKA_SCRAPE_KEY = 'scrape-configs.yaml';
const BROKERS = 'brokers';

/** One scrape job per exporter, as an External Secrets (v2, sprig) template over the bootstrap list. */
export function kafkaScrapeTemplate(env: ResolvedEnvironment): string {
  const jobs = Object.entries(naming.kafkaExporterPorts).map(([exporter, port]) =>
    [
      `- job_name: msk-${exporter}-exporter`,
      '  static_configs:',
      '    - labels:',
      `        kafka_cluster: ${naming.kafkaCluster(env.name)}`,
      '      targets:',
      `{{- range (splitList "," .${BROKERS}) }}`,
      `        - {{ (splitList ":" .) | first }}:${port}`,
      '{{- end }}',
    ].join('\n'),
  );
  return `${jobs.join('\n')}\n`;
}

export function kafkaScrapeSecret(scope: Construct, env: ResolvedEnvironment): void {
  customResource(scope, 'prometheus-msk-scrape', {
    apiVersion: EXTERNAL_SECRETS_API,
    kind: 'ExternalSecret',
    metadata: { name: naming.kafkaScrapeSecret, namespace: naming.namespaces.monitoring },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: naming.clusterSecretStore },
      target: { name: naming.kafkaScrapeSecret, creationPolicy: 'Owner', template: { engineVersion: 'v2', data: { [KAFKA_SCRAPE_KEY]: kafkaScrapeTemplate(env) } } },
      data: [{ secretKey: BROKERS, remoteRef: { key: naming.kafkaBootstrapSecret(env.name) } }],
    },
  });
}
