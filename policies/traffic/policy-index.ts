/**
 * NetworkPolicies indexed by namespace and by the first label of their podSelector's matchLabels
 * (engine/selector-index.ts), so that finding the policies that select a pod reads only those that
 * could, not every policy of the environment for every pod. Candidates come back in the policies'
 * own order; the caller still applies the full selector test, so the result is exactly that of
 * filtering all policies.
 */
import { SelectorIndex } from '../engine/selector-index.js';
import type { PodEndpoint } from './endpoints.js';
import type { Policy } from './network-policies.js';

export class PolicyIndex {
  private readonly index: SelectorIndex<Policy>;

  constructor(policies: readonly Policy[]) {
    this.index = new SelectorIndex(policies, (policy) => policy.namespace, (policy) => policy.podSelector);
  }

  /** The policies that may select `pod`, in their original order. */
  candidates(pod: PodEndpoint): Policy[] {
    return this.index.candidates(pod.namespace, pod.labels);
  }
}
