/** The `baseline` app: namespaces with quotas, limits and Pod Security, default-deny network policies, the default StorageClass. */
import { PLATFORM_NAMESPACES } from '../../../environments/types.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { chartManifests, newChart, type Manifest } from '../chart.js';
import { standardLabels } from '../labels.js';
import { addNamespaces } from './namespaces.js';
import { addNamespacePolicies } from './network-policies.js';
import { addStorageClass } from './storage.js';

export const BASELINE_APP = 'baseline';

export function baselineManifests(env: ResolvedEnvironment): Manifest[] {
  const chart = newChart(BASELINE_APP, standardLabels(BASELINE_APP, 'cluster-baseline'));
  addNamespaces(chart, env);
  for (const namespace of PLATFORM_NAMESPACES) addNamespacePolicies(chart, env, namespace);
  addStorageClass(chart, env);
  return chartManifests(chart);
}
