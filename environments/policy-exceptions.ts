/**
 * Policy exceptions shared by every environment (each environment lists its own in
 * `policyExceptions`; see the README's Policies section). Remove an entry when its reason is gone:
 * synth warns about exceptions that no longer match anything, and fails once one has expired.
 */
import type { PolicyException } from './types.js';

const BASELINE = 'default-deny NetworkPolicies come with the Kubernetes baseline app (issue #4), not merged yet';

/** K8S-010 for the namespaces Argo CD already deploys into, until the baseline that secures them lands. */
export const untilKubernetesBaseline: PolicyException[] = [
  { rule: 'K8S-010', resource: 'Namespace/argocd', reason: `${BASELINE}; Argo CD's own namespace also needs allow rules for the repo server, chart registries and the API server`, expires: '2027-01-31' },
  { rule: 'K8S-010', resource: 'Namespace/platform-apps', reason: BASELINE, expires: '2027-01-31' },
  { rule: 'K8S-010', resource: 'Namespace/platform-monitoring', reason: BASELINE, expires: '2027-01-31' },
  { rule: 'K8S-010', resource: 'Namespace/platform-system', reason: BASELINE, expires: '2027-01-31' },
];
