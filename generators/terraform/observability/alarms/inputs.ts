/** What the alarm builders read: the environment and the upstream stacks' outputs. */
import type { DataTerraformRemoteStateS3 } from 'cdktf';
import type { ResolvedEnvironment } from '../../../model/types.js';

export interface AlarmInputs {
  env: ResolvedEnvironment;
  network: DataTerraformRemoteStateS3;
  data: DataTerraformRemoteStateS3;
}
