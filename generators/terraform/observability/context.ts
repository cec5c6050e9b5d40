/** What the observability parts share: the stack, the environment and the upstream stacks they read. */
import type { DataTerraformRemoteStateS3, TerraformStack } from 'cdktf';
import type { ResolvedEnvironment } from '../../model/types.js';

export interface ObservabilityContext {
  stack: TerraformStack;
  env: ResolvedEnvironment;
  prefix: string;
  network: DataTerraformRemoteStateS3;
  cluster: DataTerraformRemoteStateS3;
  data: DataTerraformRemoteStateS3;
}
