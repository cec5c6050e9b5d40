/** What every data store needs: the stack, the network and cluster it serves, and the environment's data keys. */
import type { DataTerraformRemoteStateS3, TerraformStack } from 'cdktf';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import type { ResolvedEnvironment } from '../../model/types.js';

export interface DataContext {
  stack: TerraformStack;
  env: ResolvedEnvironment;
  prefix: string;
  network: DataTerraformRemoteStateS3;
  cluster: DataTerraformRemoteStateS3;
  /** Encrypts the stores at rest (Aurora, Performance Insights, Redis, MSK, the data lake). */
  dataKey: KmsKey;
  /** Encrypts the Secrets Manager secrets of the environment. */
  secretsKey: KmsKey;
}
