/** LIFE-001: nothing pinned is past the end of its support (or missing from the support table). */
import { supportWindows } from '../../environments/support.js';
import type { Rule } from '../engine/types.js';
import { lifecycleFindings, type LifecycleInputs } from './lifecycle-findings.js';
import { toolchainPins } from './toolchain-pins.js';

export function endOfLifeRule(inputs: LifecycleInputs): Rule {
  return {
    id: 'LIFE-001',
    severity: 'error',
    area: 'lifecycle',
    title: 'Nothing pinned is past end of support',
    checks:
      'On the synth date, every EKS cluster version (against the end of standard support with upgrade policy STANDARD, else of extended support), every Argo CD chart of a product with an announced end of life, and the Node.js CI runs on (tools.node) have a row in environments/support.ts whose end has not come',
    why: 'A version past its end gets no security fixes; EKS auto-upgrades the control plane past extended support without notice, and an unknown version cannot be checked at all',
    fix: 'Move the pin to a supported version (add its row, with source and date, to environments/support.ts first)',
    check: (documents) => lifecycleFindings(inputs, documents, ['ended', 'unknown']),
  };
}

export const endOfLife = endOfLifeRule({ table: supportWindows, repositoryPins: toolchainPins });
