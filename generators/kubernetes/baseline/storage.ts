/** The default StorageClass: encrypted gp3 volumes from the EBS CSI driver, bound in the pod's zone. */
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../../model/types.js';

export const STORAGE_CLASS = 'gp3-encrypted';

export function addStorageClass(scope: Construct, env: ResolvedEnvironment): void {
  new k8s.KubeStorageClass(scope, 'storage-class', {
    metadata: { name: STORAGE_CLASS, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3', encrypted: 'true' },
    // Environments that protect their databases from deletion keep volumes of deleted claims too.
    reclaimPolicy: env.database.deletionProtection ? 'Retain' : 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  });
}
