/**
 * EKS managed add-ons at the default version AWS publishes for the cluster's Kubernetes version:
 * vpc-cni and kube-proxy before any node joins, CoreDNS (on the system pool) and the EBS CSI driver
 * once nodes exist. vpc-cni and the EBS CSI driver call AWS through IRSA roles carrying the
 * AWS-managed policy made for exactly that add-on.
 */
import type { ITerraformDependable } from 'cdktf';
import { DataAwsEksAddonVersion } from '@cdktf/provider-aws/lib/data-aws-eks-addon-version/index.js';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon/index.js';
import type { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
import { AWS_IDENTITIES } from '../../naming.js';
import type { OidcProvider } from '../iam.js';
import { irsaRole, terraformId } from '../irsa.js';
import type { ClusterContext } from './context.js';

/** vpc-cni's service account; EKS manages it, so it is not part of the cross-tool AWS_IDENTITIES. */
const VPC_CNI_SERVICE_ACCOUNT = { namespace: 'kube-system', serviceAccount: 'aws-node' };

/**
 * vpc-cni enforces NetworkPolicies only when asked (off by default): its node agent then programs
 * every default deny and allow into eBPF on each node. The EKS add-on schema wants the flag as the
 * string "true"; the node agent's probe and metrics ports are its defaults, spelled out so a change
 * is reviewed. Mode stays `standard` (the default): `strict` would also deny CoreDNS and every other
 * kube-system pod, which no policy of ours covers. The traffic check (policies/traffic/) reads this
 * attribute: without it, it reports every NetworkPolicy as inert.
 */
export const VPC_CNI_NETWORK_POLICY = {
  enableNetworkPolicy: 'true',
  nodeAgent: { healthProbeBindAddr: '8163', metricsBindAddr: '8162' },
} as const;

interface AddonSpec {
  addon: string;
  serviceAccountRoleArn?: string;
  configurationValues?: Record<string, unknown>;
  dependsOn?: ITerraformDependable[];
}

function addon(ctx: ClusterContext, cluster: EksCluster, spec: AddonSpec): EksAddon {
  const id = terraformId(spec.addon);
  const version = new DataAwsEksAddonVersion(ctx.stack, `eks_addon_version_${id}`, {
    addonName: spec.addon,
    kubernetesVersion: cluster.version,
    mostRecent: false,
  });
  return new EksAddon(ctx.stack, `eks_addon_${id}`, {
    clusterName: cluster.name,
    addonName: spec.addon,
    addonVersion: version.version,
    serviceAccountRoleArn: spec.serviceAccountRoleArn,
    configurationValues: spec.configurationValues ? JSON.stringify(spec.configurationValues) : undefined,
    resolveConflictsOnCreate: 'OVERWRITE',
    resolveConflictsOnUpdate: 'OVERWRITE',
    dependsOn: spec.dependsOn,
  });
}

/** Add-ons nodes need to become Ready; node groups depend on them. */
export function addonsBeforeNodes(ctx: ClusterContext, cluster: EksCluster, oidc: OidcProvider): EksAddon[] {
  const cniRole = irsaRole(ctx.stack, {
    env: ctx.env.name,
    name: 'vpc-cni',
    serviceAccount: VPC_CNI_SERVICE_ACCOUNT,
    oidc,
    description: 'Amazon VPC CNI: assigns pod IP addresses from the VPC',
    statements: [],
    managedPolicies: ['AmazonEKS_CNI_Policy'],
  });
  return [
    addon(ctx, cluster, { addon: 'vpc-cni', serviceAccountRoleArn: cniRole.arn, configurationValues: VPC_CNI_NETWORK_POLICY }),
    addon(ctx, cluster, { addon: 'kube-proxy' }),
  ];
}

/** Add-ons whose pods need nodes to schedule on. */
export function addonsAfterNodes(ctx: ClusterContext, cluster: EksCluster, oidc: OidcProvider, nodes: ITerraformDependable[]): EksAddon[] {
  const system = ctx.env.eks.nodePools.find((p) => p.name === 'system')!;
  const ebsRole = irsaRole(ctx.stack, {
    env: ctx.env.name,
    name: 'ebs-csi',
    serviceAccount: AWS_IDENTITIES['ebs-csi'],
    oidc,
    description: 'EBS CSI driver: creates, attaches and snapshots the volumes of persistent volume claims',
    statements: [],
    managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'],
  });
  return [
    addon(ctx, cluster, {
      addon: 'coredns',
      configurationValues: {
        nodeSelector: system.labels,
        tolerations: system.taints.map((t) => ({ key: t.key, operator: 'Equal', value: t.value, effect: t.effect })),
      },
      dependsOn: nodes,
    }),
    addon(ctx, cluster, {
      addon: 'aws-ebs-csi-driver',
      serviceAccountRoleArn: ebsRole.arn,
      // The node plugin must run on every node pool, tainted or not (policy WIRE-008); said explicitly
      // because the chart's default for it has changed between versions.
      configurationValues: { node: { tolerateAllTaints: true } },
      dependsOn: nodes,
    }),
  ];
}
