/**
 * An ECR repository as every image of the platform gets one: immutable tags, scanned on push,
 * encrypted with the environment's images key, and untagged images (layers of overwritten builds,
 * failed pushes) expired after UNTAGGED_IMAGE_EXPIRY_DAYS. Tagged images are never expired: a
 * running Deployment or Job may still refer to any of them.
 */
import type { Construct } from 'constructs';
import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy/index.js';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository/index.js';

export const UNTAGGED_IMAGE_EXPIRY_DAYS = 14;

/** The repository `ecr_repository_<id>` and its lifecycle policy `ecr_lifecycle_<id>`. */
export function imageRepository(scope: Construct, id: string, name: string, kmsKeyArn: string): EcrRepository {
  const repository = new EcrRepository(scope, `ecr_repository_${id}`, {
    name,
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: kmsKeyArn }],
  });
  new EcrLifecyclePolicy(scope, `ecr_lifecycle_${id}`, {
    repository: repository.name,
    policy: JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          description: `Expire untagged images after ${UNTAGGED_IMAGE_EXPIRY_DAYS} days`,
          selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: UNTAGGED_IMAGE_EXPIRY_DAYS },
          action: { type: 'expire' },
        },
      ],
    }),
  });
  return repository;
}
