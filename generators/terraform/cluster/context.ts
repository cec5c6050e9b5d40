/** What every part of the cluster stack needs: the stack, its environment and the network it runs in. */
import type { DataTerraformRemoteStateS3, TerraformStack } from 'cdktf';
import type { ResolvedEnvironment } from '../../model/types.js';
import type { PlatformStack } from '../stack.js';

export interface ClusterContext {
  ps: PlatformStack;
  stack: TerraformStack;
  env: ResolvedEnvironment;
  /** platform-<env>: prefix of the stack's AWS names. */
  prefix: string;
  clusterName: string;
  network: DataTerraformRemoteStateS3;
}
