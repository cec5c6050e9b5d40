/**
 * WIRE-008: node-level DaemonSets tolerate every node pool's taints. Taints come from the
 * environment's Terraform (aws_eks_node_group taint blocks) and Karpenter NodePools
 * (spec.template.spec.taints); PreferNoSchedule never blocks scheduling and is ignored. DaemonSets
 * are the rendered ones (without a nodeSelector other than kubernetes.io/os) and those of
 * chart-facts.ts: chart DaemonSets with the tolerations our values give them, and the DaemonSets of
 * EKS managed add-ons with their configuration_values.
 */
import type { Finding, Rule } from '../engine/types.js';
import { at, blocks, dict, isDict, list, str } from '../engine/values.js';
import { ADDON_DAEMONSETS, CHART_DAEMONSETS, type Toleration } from './chart-facts.js';
import { helmReleases, valueOr } from './releases.js';

interface Taint {
  pool: string;
  key: string;
  value: string | undefined;
  effect: string;
}

const EFFECTS: Record<string, string> = { NO_SCHEDULE: 'NoSchedule', NO_EXECUTE: 'NoExecute', NoSchedule: 'NoSchedule', NoExecute: 'NoExecute' };

/** Kubernetes toleration semantics (empty key with Exists matches every key; empty effect every effect). */
export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    const operator = str(t.operator) ?? 'Equal';
    const key = str(t.key) ?? '';
    if (str(t.effect) && t.effect !== taint.effect) return false;
    if (key === '') return operator === 'Exists';
    if (key !== taint.key) return false;
    return operator === 'Exists' || (str(t.value) ?? '') === (taint.value ?? '');
  });
}

interface DaemonSet {
  file: string;
  resource: string;
  name: string;
  tolerations: Toleration[];
}

export const daemonSetTolerations: Rule = {
  id: 'WIRE-008',
  severity: 'error',
  area: 'wiring',
  title: 'Node DaemonSets tolerate every node-pool taint',
  checks:
    'Each NoSchedule/NoExecute taint of an EKS node group (Terraform) or Karpenter NodePool is tolerated by every node-level DaemonSet: rendered DaemonSets, chart DaemonSets (node-exporter, log agents, …) and EKS add-on DaemonSets (aws-node, kube-proxy, ebs-csi-node), with the tolerations our values or configuration_values give them.',
  why: 'A DaemonSet pod is not scheduled on a node whose taint it does not tolerate: that pool loses its CNI, volumes, node metrics or logs without any error in Argo CD.',
  fix: 'Give the DaemonSet a toleration for the taint (e.g. operator Exists) in the add-on\'s values or configuration_values.',
  check({ kubernetes, terraform }) {
    const taints: Taint[] = [
      ...terraform.resources('aws_eks_node_group').flatMap((g) =>
        blocks(g.attrs.taint).map((t) => ({ pool: `node group ${str(g.attrs.node_group_name) ?? g.name}`, key: str(t.key) ?? '', value: str(t.value), effect: EFFECTS[str(t.effect) ?? ''] ?? '' })),
      ),
      ...kubernetes
        .filter((o) => o.kind === 'NodePool' && o.apiVersion.startsWith('karpenter.sh/'))
        .flatMap((p) => list(at(p.object, 'spec', 'template', 'spec', 'taints')).filter(isDict).map((t) => ({ pool: `NodePool ${p.name}`, key: str(t.key) ?? '', value: str(t.value), effect: EFFECTS[str(t.effect) ?? ''] ?? '' }))),
    ].filter((t) => t.effect !== '');

    const daemonSets: DaemonSet[] = [
      ...kubernetes
        .filter((o) => o.kind === 'DaemonSet')
        .filter((o) => Object.keys(dict(at(o.object, 'spec', 'template', 'spec', 'nodeSelector'))).every((k) => k === 'kubernetes.io/os'))
        .map((o) => ({ file: o.file, resource: o.resource, name: o.name, tolerations: list(at(o.object, 'spec', 'template', 'spec', 'tolerations')).filter(isDict) })),
      ...helmReleases(kubernetes).flatMap((release) =>
        CHART_DAEMONSETS.filter((c) => c.chart === release.chart && c.rendered(release.values)).map((c) => ({
          file: release.application.file,
          resource: release.application.resource,
          name: c.daemonSet,
          tolerations: list(valueOr(release, c.tolerationsPath, c.defaultTolerations)).filter(isDict),
        })),
      ),
      ...terraform.resources('aws_eks_addon').flatMap((a) => {
        const facts = ADDON_DAEMONSETS.find((d) => d.addon === a.attrs.addon_name);
        if (!facts) return [];
        let configuration = {};
        try {
          configuration = dict(JSON.parse(str(a.attrs.configuration_values) ?? '{}'));
        } catch {
          configuration = {};
        }
        return [{ file: a.file, resource: a.address, name: facts.daemonSet, tolerations: facts.tolerations(configuration) }];
      }),
    ];

    const findings: Finding[] = [];
    for (const ds of daemonSets) {
      const missing = taints.filter((t) => !tolerates(ds.tolerations, t));
      const described = [...new Set(missing.map((t) => `${t.pool} (${t.key}${t.value ? `=${t.value}` : ''}:${t.effect})`))];
      if (described.length > 0) findings.push({ file: ds.file, resource: ds.resource, message: `DaemonSet ${ds.name} does not tolerate the taint of ${described.join(', ')}` });
    }
    return findings;
  },
};
