/**
 * The vocabulary of the bring-up simulation: what an object needs before it can be applied or
 * become healthy, and the capabilities (keys) the cluster gains as objects are applied and turn
 * healthy. A need whose key nothing ever provides blocks for good.
 */

/** A capability an object waits for; `what` says it in words for the one-line report. */
export interface Need {
  key: string;
  what: string;
}

export const cap = {
  namespace: (name: string) => `namespace:${name}`,
  crd: (group: string, kind: string) => `crd:${group}/${kind}`,
  /** The object exists in the cluster (applied). */
  object: (kind: string, namespace: string | null, name: string) => `object:${kind}/${namespace ?? ''}/${name}`,
  /** The object reports Healthy (or is ready to serve what others ask of it). */
  healthy: (kind: string, namespace: string | null, name: string) => `healthy:${kind}/${namespace ?? ''}/${name}`,
  /** A controller that reconciles a kind of object (e.g. `ingress.k8s.aws/alb`) runs. */
  controller: (name: string) => `controller:${name}`,
  /** The admission webhooks an add-on registers answer. */
  webhook: (app: string) => `webhook:${app}`,
  /** The add-on whose webhooks a `webhook:` key stands for, else undefined. */
  webhookApp: (key: string) => (key.startsWith('webhook:') ? key.slice('webhook:'.length) : undefined),
  /** Argo CD's AppProject of that name exists (Applications live in Argo CD's namespace). */
  project: (name: string) => `object:AppProject/argocd/${name}`,
  apiService: (group: string) => `apiservice:${group}`,
  defaultStorageClass: 'storageclass:(default)',
  storageClass: (name: string) => `storageclass:${name}`,
  /** Never provided: a Terraform output or an environment fact that is missing. */
  missing: (what: string) => `missing:${what}`,
  isMissing: (key: string) => key.startsWith('missing:'),
};

export const need = (key: string, what: string): Need => ({ key, what });
