/** LIFE-002: warns while a pinned version's support ends within the next 90 days. */
import { supportWindows } from '../../environments/support.js';
import type { Rule } from '../engine/types.js';
import { lifecycleFindings, type LifecycleInputs } from './lifecycle-findings.js';
import { WARNING_DAYS } from './support-status.js';
import { toolchainPins } from './toolchain-pins.js';

export function endOfLifeSoonRule(inputs: LifecycleInputs): Rule {
  return {
    id: 'LIFE-002',
    severity: 'warning',
    area: 'lifecycle',
    title: 'Support of a pin ends soon',
    checks: `The same pins as LIFE-001: support ends within ${WARNING_DAYS} days of the synth date`,
    why: 'An upgrade (EKS above all: add-ons, node images, Karpenter) needs time to trial in dev before the end date',
    fix: 'Plan and trial the upgrade; the warning turns into LIFE-001 on the end date',
    check: (documents) => lifecycleFindings(inputs, documents, ['ending']),
  };
}

export const endOfLifeSoon = endOfLifeSoonRule({ table: supportWindows, repositoryPins: toolchainPins });
