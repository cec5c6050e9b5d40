/**
 * The EC2NodeClass of a Karpenter node pool: how its instances launch. AL2023 at the pinned EKS AMI
 * release, the Karpenter node role, the private subnets and the cluster security group found by the
 * discovery tag Terraform sets, IMDSv2 only with a hop limit of 1 (pods cannot reach the node's
 * credentials), and an encrypted gp3 root volume. Encryption uses the account's default EBS key,
 * which the cluster stack sets to the environment's EBS key.
 */
import type { NodePool } from '../../../environments/types.js';
import { nodeImages } from '../../../environments/versions.js';
import { resourceTags } from '../../aws-tags.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { NODE_CLASS_API, type EC2NodeClassManifest } from './karpenter-api.js';

/** The root device of the AL2023 EKS AMIs. */
const ROOT_DEVICE = '/dev/xvda';

export function nodeClass(env: ResolvedEnvironment, pool: NodePool, generator: string): EC2NodeClassManifest {
  const discovery = { tags: { [naming.karpenterDiscoveryTag]: naming.clusterName(env.name) } };
  return {
    apiVersion: NODE_CLASS_API,
    kind: 'EC2NodeClass',
    metadata: { name: pool.name },
    spec: {
      amiFamily: 'AL2023',
      amiSelectorTerms: [{ alias: `al2023@${nodeImages.al2023}` }],
      role: naming.karpenterNodeRole(env.name),
      subnetSelectorTerms: [discovery],
      securityGroupSelectorTerms: [discovery],
      associatePublicIPAddress: false,
      metadataOptions: { httpEndpoint: 'enabled', httpProtocolIPv6: 'disabled', httpPutResponseHopLimit: 1, httpTokens: 'required' },
      blockDeviceMappings: [
        {
          deviceName: ROOT_DEVICE,
          rootVolume: true,
          ebs: { volumeSize: `${pool.diskSizeGiB}Gi`, volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
        },
      ],
      tags: resourceTags(env, 'karpenter', generator),
    },
  };
}
