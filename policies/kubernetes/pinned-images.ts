/** K8S-007: images are pinned by tag or digest, never `latest`. */
import { eachContainer, podSpecRules } from '../admission/kyverno.js';
import { str } from '../engine/values.js';
import type { KubernetesRule } from './rule.js';
import { containerFindings, workloads } from './workloads.js';

/**
 * Shared by the synth-time check and the Kyverno policy (RE2 and JavaScript agree on them; no
 * braces, which Kyverno would read as variable delimiters). Pinned: a digest, or a tag on the last
 * path segment (so `registry:5000/app` is not mistaken for a tag).
 */
export const PINNED_IMAGE = '@sha256:[a-f0-9]+$|^([^/@]+/)*[^/:@]+:[A-Za-z0-9_][A-Za-z0-9_.-]*$';
/** `latest` without a digest. */
export const LATEST_IMAGE = '^[^@]*:latest$';

export function imageProblem(image: string | undefined): string | undefined {
  if (image === undefined) return 'has no image';
  if (!new RegExp(PINNED_IMAGE).test(image)) return `image "${image}" has neither a tag nor a digest`;
  if (new RegExp(LATEST_IMAGE).test(image)) return `image "${image}" uses the mutable tag latest`;
  return undefined;
}

export const pinnedImages: KubernetesRule = {
  id: 'K8S-007',
  severity: 'error',
  area: 'kubernetes',
  title: 'Images pinned, never latest',
  checks: 'Every container image carries an explicit tag other than `latest`, or a `@sha256:` digest.',
  why: 'A mutable or implicit tag makes what runs depend on when a node pulled it: rollouts are not reproducible and a rollback may not roll back.',
  fix: 'Set the image tag per environment in the service file (`environments.<env>.imageTag`), or pin by digest.',
  check: ({ kubernetes }) => containerFindings(workloads(kubernetes), (c) => [imageProblem(str(c.spec.image))].filter((p) => p !== undefined)),
  admission: {
    name: 'pinned-images',
    background: true,
    subject: 'Pod',
    rules: podSpecRules('pinned-images', (specPath) => ({
      message: 'Images must be pinned by a tag other than latest, or by digest.',
      foreach: [
        {
          list: eachContainer(specPath),
          deny: {
            conditions: {
              any: [
                { key: `{{ regex_match('${PINNED_IMAGE}', element.image) }}`, operator: 'Equals', value: false },
                { key: `{{ regex_match('${LATEST_IMAGE}', element.image) }}`, operator: 'Equals', value: true },
              ],
            },
          },
        },
      ],
    })),
  },
};
