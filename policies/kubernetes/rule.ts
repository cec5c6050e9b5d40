/** A Kubernetes rule: checked on rendered manifests at synth time, and enforced by Kyverno at admission time. */
import type { AdmissionPolicy } from '../admission/kyverno.js';
import type { Rule } from '../engine/types.js';

export interface KubernetesRule extends Rule {
  area: 'kubernetes';
  admission: AdmissionPolicy;
}
