/**
 * Names the platform already uses, which a service or team must not take: a service named like an
 * add-on would share its Argo CD Application file and IRSA role, one named `redis` would share the
 * Secrets Manager path of the Redis AUTH token, a team named `root` would replace the root AppProject.
 * A test checks this list against what the generators actually produce.
 */
import { ADDON_NAMES, PLATFORM_NAMESPACES } from '../../environments/types.js';
import { platform } from '../../environments/platform.js';
import { AWS_IDENTITIES, naming } from '../naming.js';

/** Argo CD applications the platform generates besides one per service (generators/kubernetes/apps.ts). */
export const PLATFORM_APP_NAMES = ['baseline', 'cluster-secret-store', 'monitoring', 'karpenter-node-pools', 'cert-manager-issuers', 'kyverno-policies', 'kafka-topics'] as const;

/** Why each reserved service name is taken. */
export function reservedServiceNames(): Map<string, string> {
  const reserved = new Map<string, string>();
  const add = (name: string, why: string) => reserved.has(name) || reserved.set(name, why);
  add(naming.argocdRootApp, 'the root Argo CD Application');
  for (const name of ADDON_NAMES) add(name, `the ${name} add-on (its Argo CD Application and IRSA role)`);
  for (const name of PLATFORM_APP_NAMES) add(name, `the platform's ${name} Argo CD Application`);
  for (const name of Object.keys(AWS_IDENTITIES)) add(name, `the IRSA role of the ${name} add-on`);
  for (const name of [...PLATFORM_NAMESPACES, naming.argocdNamespace, 'default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    add(name, `the ${name} namespace`);
  }
  // Secrets Manager paths platform/<env>/<name>/… the data stores and Atlantis already use.
  for (const name of ['redis', 'kafka', 'atlantis', 'postgres']) add(name, `the platform's Secrets Manager path ${platform.prefix}/<env>/${name}/`);
  // The ECR repository platform/kafka-admin of the kafka-topics Job's image.
  add('kafka-admin', "the platform's Kafka admin image repository platform/kafka-admin");
  // A service's database user is its name with _ for -: platform_admin is Aurora's master user.
  add('platform-admin', 'the Aurora master user platform_admin (a service\'s database user is its name with _)');
  return reserved;
}

/** AppProject names the platform owns; a team that owns services gets a project named after it. */
export function reservedTeamNames(): Map<string, string> {
  return new Map([
    [naming.argocdRootProject, 'the root AppProject, which may create Applications and AppProjects'],
    ['default', "Argo CD's built-in allow-everything project"],
  ]);
}
