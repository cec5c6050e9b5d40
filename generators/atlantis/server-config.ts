/**
 * The server side of Atlantis, delivered as the Helm values of the `atlantis` add-on (its
 * Application is generated like every other): the server-side repo config (repos.yaml) that
 * decides which keys atlantis.yaml may set, the one workflow it runs, the default requirements,
 * and the server flags the requirements depend on.
 */
import { stringify } from 'yaml';
import { platform } from '../../environments/platform.js';
import { tools } from '../../environments/versions.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { AWS_IDENTITIES, naming } from '../naming.js';
import { canonicalize } from '../render.js';
import { APPLY_REQUIREMENTS, LOCK_TIMEOUT, OVERRIDDEN_KEYS, WORKFLOW } from './policy.js';

const githubHost = 'github.com';
export const repositoryId = `${githubHost}/${platform.githubRepository}`;

/** repos.yaml: policy for this repository only; every other repository keeps Atlantis's locked-down default. */
export function serverRepoConfig() {
  return {
    repos: [
      {
        // No `branch` here: the policy holds for pull requests into any branch (atlantis.yaml plans only those into main).
        id: repositoryId,
        apply_requirements: [...APPLY_REQUIREMENTS],
        import_requirements: [...APPLY_REQUIREMENTS],
        workflow: WORKFLOW,
        allowed_workflows: [WORKFLOW],
        allowed_overrides: [...OVERRIDDEN_KEYS],
        // A repository-defined workflow would let any pull request run commands on the server.
        allow_custom_workflows: false,
        autodiscover: { mode: 'disabled' },
        repo_locks: { mode: 'on_plan' },
      },
    ],
    workflows: {
      [WORKFLOW]: {
        plan: { steps: ['init', { plan: { extra_args: [`-lock-timeout=${LOCK_TIMEOUT}`] } }] },
        apply: { steps: [{ apply: { extra_args: [`-lock-timeout=${LOCK_TIMEOUT}`] } }] },
      },
    },
    metrics: { prometheus: { endpoint: '/metrics' } },
  };
}

/**
 * `--gh-team-allowlist`: anyone may plan and unlock, only the platform team may apply, import or
 * change state. A server flag, so no pull request can loosen it by editing atlantis.yaml.
 */
export function teamAllowlist(): string {
  const team = platform.platformTeam.slice(platform.platformTeam.indexOf('/') + 1);
  return ['*:plan', '*:unlock', `${team}:apply`, `${team}:import`, `${team}:state`].join(',');
}

/**
 * Helm values of the Atlantis chart in an environment that hosts the platform tooling. The GitHub
 * token and webhook secret come from Secrets Manager through an ExternalSecret; nothing secret is
 * in Git.
 */
export function atlantisValues(env: ResolvedEnvironment) {
  const identity = AWS_IDENTITIES.atlantis;
  const host = naming.atlantisHost(env.domain);
  return {
    atlantisUrl: `https://${host}`,
    orgAllowlist: repositoryId,
    github: { user: naming.atlantisGithubUser },
    vcsSecretName: naming.atlantisVcsSecret,
    repoConfig: stringify(canonicalize(serverRepoConfig()), { lineWidth: 0 }),
    defaultTFVersion: tools.terraform,
    hidePrevPlanComments: true,
    enableDiffMarkdownFormat: true,
    environment: {
      // `undiverged` is only enforced with the merge checkout strategy.
      ATLANTIS_CHECKOUT_STRATEGY: 'merge',
      // Branch protection may require the atlantis/apply status without deadlocking `mergeable`.
      ATLANTIS_GH_ALLOW_MERGEABLE_BYPASS_APPLY: 'true',
      ATLANTIS_GH_TEAM_ALLOWLIST: teamAllowlist(),
    },
    serviceAccount: {
      create: true,
      name: identity.serviceAccount,
      annotations: { 'eks.amazonaws.com/role-arn': naming.roleArn(env.aws.accountId, naming.irsaRoleName(env.name, 'atlantis')) },
    },
    // The chart defaults to NodePort, which the namespace quota forbids; the ALB reaches pod IPs (target-type ip).
    service: { type: 'ClusterIP' },
    ingress: {
      enabled: true,
      ingressClassName: 'alb',
      host,
      path: '/*',
      pathType: 'ImplementationSpecific',
      annotations: {
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/listen-ports': '[{"HTTPS":443}]',
      },
    },
    statefulSet: { securityContext: { runAsNonRoot: true, runAsUser: 100, fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch' } },
    containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } },
    volumeClaim: { enabled: true, dataStorage: '20Gi' },
    extraManifests: [
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: naming.atlantisVcsSecret },
        spec: {
          refreshInterval: '1h',
          secretStoreRef: { kind: 'ClusterSecretStore', name: naming.clusterSecretStore },
          target: { name: naming.atlantisVcsSecret, creationPolicy: 'Owner' },
          data: ['github_token', 'github_secret'].map((key) => ({
            secretKey: key,
            remoteRef: { key: naming.atlantisGithubSecret(env.name), property: key },
          })),
        },
      },
    ],
  };
}
