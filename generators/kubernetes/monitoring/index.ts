/**
 * The `monitoring` app, in platform-monitoring: Grafana's admin credentials (needed before
 * kube-prometheus-stack starts Grafana) and one RED dashboard ConfigMap per service, picked up by
 * Grafana's dashboard sidecar; the Secrets kube-prometheus-stack reads (Alertmanager receivers'
 * credentials, the MSK scrape jobs) through External Secrets. The admin password is generated in the cluster by the External
 * Secrets Operator, once, so bringing an environment up waits on no hand-made secret.
 */
import * as kplus from 'cdk8s-plus-27';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { GRAFANA } from '../addons/endpoints.js';
import { chartManifests, newChart, type Manifest } from '../chart.js';
import { customResource, EXTERNAL_SECRETS_API } from '../crds.js';
import { standardLabels } from '../labels.js';
import { alertReceiverSecrets } from './alert-receivers.js';
import { redDashboard } from './dashboard.js';
import { kafkaScrapeSecret } from './kafka-scrape.js';
import { addSsoClientSecret } from '../sso/client-secret.js';

export const MONITORING_APP = 'monitoring';
export const GRAFANA_ADMIN_KEYS = { user: 'admin-user', password: 'admin-password' } as const;
const PASSWORD_GENERATORS_API = 'generators.external-secrets.io/v1alpha1';

export function monitoringManifests(env: ResolvedEnvironment): Manifest[] {
  const chart = newChart(MONITORING_APP, standardLabels(MONITORING_APP, 'observability'));
  const namespace = naming.namespaces.monitoring;
  customResource(chart, 'grafana-admin-password', {
    apiVersion: PASSWORD_GENERATORS_API,
    kind: 'Password',
    metadata: { name: GRAFANA.adminSecret, namespace },
    spec: { length: 32, digits: 6, symbols: 0, noUpper: false, allowRepeat: true },
  });
  customResource(chart, 'grafana-admin', {
    apiVersion: EXTERNAL_SECRETS_API,
    kind: 'ExternalSecret',
    metadata: { name: GRAFANA.adminSecret, namespace },
    spec: {
      // Generated once and never rotated underneath a running Grafana.
      refreshInterval: '0',
      dataFrom: [{ sourceRef: { generatorRef: { apiVersion: PASSWORD_GENERATORS_API, kind: 'Password', name: GRAFANA.adminSecret } } }],
      target: {
        name: GRAFANA.adminSecret,
        creationPolicy: 'Owner',
        template: { engineVersion: 'v2', data: { [GRAFANA_ADMIN_KEYS.user]: 'admin', [GRAFANA_ADMIN_KEYS.password]: '{{ .password }}' } },
      },
    },
  });
  alertReceiverSecrets(chart, env);
  kafkaScrapeSecret(chart, env);
  // Grafana's OIDC client, before kube-prometheus-stack starts Grafana (it reads it as environment variables).
  addSsoClientSecret(chart, env, 'grafana', namespace);
  for (const service of env.services) {
    new kplus.ConfigMap(chart, `dashboard-${service.name}`, {
      metadata: { name: `dashboard-${service.name}`, namespace, labels: { [GRAFANA.dashboardLabel]: '1' } },
      data: { [`${service.name}.json`]: `${JSON.stringify(redDashboard(env, service), null, 2)}\n` },
    });
  }
  return chartManifests(chart);
}
