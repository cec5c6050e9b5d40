/**
 * Cluster stack: the EKS control plane, managed node groups, EKS add-ons, Karpenter and the IRSA
 * roles of the platform add-ons. Reads the network stack's outputs; its own outputs feed the data,
 * services and observability stacks.
 */
import type { EnvironmentGenerator } from '../generator.js';
import type { PlatformModel, ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { addonRoles } from './cluster/addon-roles.js';
import { addonsAfterNodes, addonsBeforeNodes } from './cluster/addons.js';
import type { ClusterContext } from './cluster/context.js';
import { controlPlane } from './cluster/control-plane.js';
import { karpenter } from './cluster/karpenter.js';
import { ebsKey, nodeGroups } from './cluster/node-groups.js';
import { createStack, outputs, remoteState, stackFile } from './stack.js';

const GENERATOR = 'terraform/cluster';

export function clusterStack(env: ResolvedEnvironment, model: PlatformModel) {
  const ps = createStack(env, 'cluster', GENERATOR);
  const ctx: ClusterContext = {
    ps,
    stack: ps.stack,
    env,
    prefix: naming.envPrefix(env.name),
    clusterName: naming.clusterName(env.name),
    network: remoteState(ps, 'network'),
  };

  const { cluster, oidc, clusterSecurityGroupId } = controlPlane(ctx);
  const nodes = nodeGroups(ctx, cluster, ebsKey(ctx), addonsBeforeNodes(ctx, cluster, oidc));
  addonsAfterNodes(ctx, cluster, oidc, nodes);
  const autoscaler = karpenter(ctx, cluster, oidc);
  addonRoles(ctx, oidc, model);

  outputs(ps.stack, {
    cluster_name: { value: cluster.name, description: 'EKS cluster name' },
    cluster_endpoint: { value: cluster.endpoint, description: 'Kubernetes API endpoint' },
    cluster_certificate_authority: { value: cluster.certificateAuthority.get(0).data, description: 'Cluster CA bundle (base64)' },
    cluster_security_group_id: { value: clusterSecurityGroupId, description: 'Security group of the control plane, the nodes and their pods' },
    oidc_provider_arn: { value: oidc.arn, description: 'IAM OIDC provider of the cluster (IRSA trust principal)' },
    oidc_issuer_host: { value: oidc.issuerHost, description: 'OIDC issuer without https:// (prefix of IRSA condition keys)' },
    karpenter_node_role_arn: { value: autoscaler.nodeRole.arn, description: 'Role of the nodes Karpenter launches' },
    karpenter_interruption_queue_url: { value: autoscaler.queue.url, description: 'Karpenter interruption queue' },
  });
  return ps;
}

export const clusterGenerator: EnvironmentGenerator = {
  name: GENERATOR,
  scope: 'environment',
  generate: (env, model) => [stackFile(clusterStack(env, model), GENERATOR, [env.file, 'generators/terraform/cluster.ts'])],
};
