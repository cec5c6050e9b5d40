/**
 * The indexes K8S-020 reads (ingress-candidates.ts, policy-index.ts) never hide a pair: on every
 * traffic fixture, passing and failing, each source whose flow a destination's ingress admits on
 * any candidate port is among that destination's candidates, and the policies found through the
 * index are exactly those that select the pod.
 */
import { describe, expect, it } from 'vitest';
import { groupDocuments } from '../engine/documents.js';
import { selectorMatches } from '../kubernetes/label-selector.js';
import { trafficCases } from '../testing/traffic-cases.js';
import type { FlowPort } from './endpoints.js';
import { ingressCandidates, PodIndex } from './ingress-candidates.js';
import { inventory } from './inventory.js';
import { networkPolicies } from './network-policies.js';
import { namespaceLabels } from './reachability.js';
import { applyingPolicies, sideAllows, type Cluster } from './semantics.js';
import { topology } from './topology.js';

const PORTS: FlowPort[] = [{ protocol: 'TCP' }, { protocol: 'UDP' }];

describe('K8S-020 indexes', () => {
  const environments = trafficCases.flatMap((c) => [c.pass(), c.fail()]).flatMap((files) => groupDocuments(files).filter((g) => g.environment !== null));

  it('cover every source a destination admits, and find exactly the policies that select a pod', () => {
    let admitted = 0;
    for (const documents of environments) {
      const topo = topology(documents.terraform);
      const pods = inventory(documents.kubernetes, topo.podSubnets);
      const cluster: Cluster = { enforced: true, policies: networkPolicies(documents.kubernetes), namespaceLabels: namespaceLabels(documents.kubernetes) };
      const index = new PodIndex(pods.all);
      for (const destination of pods.all) {
        const selecting = cluster.policies.filter((p) => p.namespace === destination.namespace && selectorMatches(p.podSelector, destination.labels));
        expect(applyingPolicies(cluster, destination, 'Ingress')).toEqual(selecting.filter((p) => p.types.includes('Ingress')));
        const candidates = ingressCandidates(cluster, index, destination);
        const ports = [...destination.ports.map((p) => ({ protocol: p.protocol, port: p.port })), ...PORTS];
        pods.all.forEach((source, position) => {
          if (!ports.some((port) => sideAllows(cluster, destination, 'Ingress', source, port, 'possible'))) return;
          admitted++;
          if (candidates !== 'all') expect(candidates, `${source.id} → ${destination.id}`).toContain(position);
        });
      }
    }
    expect(admitted).toBeGreaterThan(0);
  });
});
