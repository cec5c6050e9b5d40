/**
 * The environment's stated recovery objectives (`recovery.objectives`), written as tags onto the
 * resource that holds each component's data, so TF-017 can check from the generated Terraform (and
 * the Velero schedule) that the configuration meets them, and operators see them on the resource.
 */
import type { RecoveryComponent } from '../../../environments/types.js';
import type { ResolvedEnvironment } from '../../model/types.js';

export const RECOVERY_TAG = {
  component: 'recovery-component',
  rpo: 'recovery-rpo-minutes',
  rto: 'recovery-rto-minutes',
} as const;

export function recoveryTags(env: ResolvedEnvironment, component: RecoveryComponent): Record<string, string> {
  const objective = env.recovery.objectives[component];
  return {
    [RECOVERY_TAG.component]: component,
    [RECOVERY_TAG.rpo]: String(objective.rpoMinutes),
    [RECOVERY_TAG.rto]: String(objective.rtoMinutes),
  };
}
