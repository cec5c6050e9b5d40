/**
 * The `monitoring` app, in platform-monitoring: Grafana's admin credentials (an ExternalSecret,
 * needed before kube-prometheus-stack starts Grafana) and one RED dashboard ConfigMap per service,
 * picked up by Grafana's dashboard sidecar.
 */
import * as kplus from 'cdk8s-plus-27';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { GRAFANA } from '../addons/endpoints.js';
import { chartManifests, newChart, type Manifest } from '../chart.js';
import { customResource } from '../crds.js';
import { standardLabels } from '../labels.js';
import { externalSecret } from '../service/secrets.js';
import { redDashboard } from './dashboard.js';

export const MONITORING_APP = 'monitoring';
export const GRAFANA_ADMIN_KEYS = { user: 'admin-user', password: 'admin-password' } as const;

export function monitoringManifests(env: ResolvedEnvironment): Manifest[] {
  const chart = newChart(MONITORING_APP, standardLabels(MONITORING_APP, 'observability'));
  const namespace = naming.namespaces.monitoring;
  const adminSecret = naming.addonSecret(env.name, 'grafana', 'admin');
  customResource(
    chart,
    'grafana-admin',
    externalSecret(GRAFANA.adminSecret, namespace, {
      data: [
        { secretKey: GRAFANA_ADMIN_KEYS.user, remoteRef: { key: adminSecret, property: 'username' } },
        { secretKey: GRAFANA_ADMIN_KEYS.password, remoteRef: { key: adminSecret, property: 'password' } },
      ],
    }),
  );
  for (const service of env.services) {
    new kplus.ConfigMap(chart, `dashboard-${service.name}`, {
      metadata: { name: `dashboard-${service.name}`, namespace, labels: { [GRAFANA.dashboardLabel]: '1' } },
      data: { [`${service.name}.json`]: `${JSON.stringify(redDashboard(env, service), null, 2)}\n` },
    });
  }
  return chartManifests(chart);
}
