/** LIFE-003: every add-on release with a published compatibility matrix supports the cluster's Kubernetes version. */
import { kubernetesCompatibility, type KubernetesCompatibility } from '../../environments/compatibility.js';
import type { Finding, Rule } from '../engine/types.js';
import { chartPins, eksPins } from './pins.js';

/** "1.35" → [1, 35]; compares minors numerically. */
const minor = (version: string) => version.replace(/^v/, '').split('.').slice(0, 2).map(Number) as [number, number];
const compare = (a: string, b: string) => {
  const [am, an] = minor(a);
  const [bm, bn] = minor(b);
  return am - bm || an - bn;
};
const line = (version: string) => minor(version).join('.');

export function kubernetesCompatibilityRule(table: readonly KubernetesCompatibility[]): Rule {
  return {
    id: 'LIFE-003',
    severity: 'error',
    area: 'lifecycle',
    title: "Add-ons support the cluster's Kubernetes version",
    checks:
      "Every Argo CD chart with rows in environments/compatibility.ts (today Karpenter and cert-manager) is at a release line that has a row, and the environment's EKS version lies within that row's supported Kubernetes versions",
    why: 'An add-on outside its tested Kubernetes range may fail at bring-up or after an EKS upgrade (Karpenter 1.5 supports Kubernetes up to 1.33), and nothing else notices before nodes stop launching',
    fix: 'Move the add-on to a release line that supports the cluster version (add its row, with source and date), or hold the EKS upgrade',
    check: (documents) => {
      const clusters = eksPins(documents);
      return chartPins(documents).flatMap((pin): Finding[] => {
        const chart = pin.product.replace(/^chart:/, '');
        const rows = table.filter((r) => r.chart === chart);
        if (rows.length === 0) return [];
        const row = rows.find((r) => r.line === line(pin.version));
        if (!row) {
          return [{ file: pin.file, resource: pin.resource, message: `${pin.label}: no row for release line ${line(pin.version)} in environments/compatibility.ts; add its supported Kubernetes versions with their source` }];
        }
        return clusters
          .filter((c) => compare(c.version, row.minKubernetes) < 0 || compare(c.version, row.maxKubernetes) > 0)
          .map((c) => ({
            file: pin.file,
            resource: pin.resource,
            message: `${pin.label} supports Kubernetes ${row.minKubernetes} to ${row.maxKubernetes} (${row.source}, checked ${row.checked}), but the cluster runs ${c.version} (${c.file})`,
          }));
      });
    },
  };
}

export const kubernetesCompatibilityCheck = kubernetesCompatibilityRule(kubernetesCompatibility);
