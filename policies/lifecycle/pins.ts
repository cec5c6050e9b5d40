/**
 * The versions one environment's rendered documents pin, as the lifecycle rules see them: each EKS
 * cluster's Kubernetes version with its upgrade policy, and each Argo CD Application's Helm chart
 * version. Repository-wide pins (the Node.js CI runs on) are passed in by the registry.
 */
import type { SupportedProduct } from '../../environments/support.js';
import type { EnvironmentDocuments } from '../engine/types.js';
import { at, dict, isDict, list, str } from '../engine/values.js';

export interface Pin {
  product: SupportedProduct | `chart:${string}`;
  /** What the pin is called in messages, e.g. "Kubernetes 1.35 on EKS". */
  label: string;
  version: string;
  file: string;
  resource: string;
  /** EKS: the cluster runs on extended support after standard support ends (policy EXTENDED or unset). */
  extended: boolean;
  /** EKS: how the upgrade policy was read, for the message. */
  note?: string;
}

/** `upgrade_policy` as cdktf renders it (an object, or a one-element list). */
function supportType(attrs: Record<string, unknown>): string | undefined {
  const block = attrs.upgrade_policy;
  const policy = Array.isArray(block) ? block[0] : block;
  return isDict(policy) ? str(policy.support_type) : undefined;
}

export function eksPins(documents: EnvironmentDocuments): Pin[] {
  return documents.terraform.resources('aws_eks_cluster').flatMap((cluster) => {
    const version = str(cluster.attrs.version);
    if (!version) return [];
    const policy = supportType(cluster.attrs);
    return [
      {
        product: 'amazon-eks' as const,
        label: `Kubernetes ${version} on EKS`,
        version,
        file: cluster.file,
        resource: cluster.address,
        extended: policy !== 'STANDARD',
        note: policy ? `upgrade policy ${policy}` : 'no upgrade policy, so the AWS default EXTENDED',
      },
    ];
  });
}

export function chartPins(documents: EnvironmentDocuments): Pin[] {
  return documents.kubernetes
    .filter((o) => o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'))
    .flatMap((app) =>
      [at(app.object, 'spec', 'source'), ...list(at(app.object, 'spec', 'sources'))].flatMap((source) => {
        const chart = str(dict(source).chart);
        const version = str(dict(source).targetRevision);
        if (!chart || !version) return [];
        return [{ product: `chart:${chart}` as const, label: `chart ${chart} ${version}`, version, file: app.file, resource: app.resource, extended: false }];
      }),
    );
}
