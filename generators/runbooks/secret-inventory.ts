/**
 * Every secret the platform creates in an environment, with how it rotates and who reads it: the
 * runbook's rotation section is rendered from this list, and tests/invariants/runbooks.test.ts
 * checks it against the Secrets Manager secrets in the generated Terraform (so a new secret without
 * a rotation story fails there, and TF-015 fails on the secret itself).
 */
import { GATEWAY_API_KEYS_SECRET } from '../../services/types.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { GRAFANA } from '../kubernetes/addons/endpoints.js';
import { SSO_TOOLS } from '../terraform/services/sso-secrets.js';
import type { RotationMethod } from '../terraform/secrets/rotation-tags.js';

/** How a runbook-rotated secret is rotated (the procedures of rotation.ts). */
export type RotationProcedure = 'redis-auth-token' | 'api-keys' | 'service-secret' | 'atlantis-github' | 'sso-client' | 'grafana-admin' | 'alert-receiver';

export interface PlatformSecret {
  /** Secrets Manager name (the RDS-managed master secret's is chosen by RDS: `rds!cluster-…`). */
  name: string;
  what: string;
  method: RotationMethod;
  /** Days between rotations; absent for values Terraform rewrites. */
  periodDays?: number;
  /** Why this method. */
  why: string;
  procedure?: RotationProcedure;
  /** Deployments in platform-apps (or `statefulset/…` in another namespace) that read it. */
  consumers: string[];
  /** Whether generated Terraform declares it as an aws_secretsmanager_secret (the master secret is RDS's). */
  inTerraform: boolean;
}

/** RDS rotates the master user secret it manages every 7 days by default. */
export const RDS_MANAGED_ROTATION_DAYS = 7;

export function platformSecrets(env: ResolvedEnvironment): PlatformSecret[] {
  const days = env.secrets.rotationDays;
  const cacheUsers = env.services.filter((s) => s.dependencies.cache).map((s) => s.name);
  const databaseUsers = (reader: boolean) =>
    env.services.filter((s) => (reader ? s.dependencies.database === 'read' : s.dependencies.database === 'readwrite')).map((s) => s.name);
  const kafkaUsers = env.services.filter((s) => s.dependencies.topics.length > 0).map((s) => s.name);
  const notCredential = 'not a credential: the name AWS assigned, rewritten by every `terraform apply`; nothing to rotate';

  return [
    {
      name: `rds!cluster-… (${naming.postgresCluster(env.name)})`,
      what: 'Aurora master user password',
      method: 'secrets-manager',
      periodDays: RDS_MANAGED_ROTATION_DAYS,
      why: 'AWS provides the rotation: RDS manages the secret (`manage_master_user_password`) and rotates it every 7 days; services use IAM database authentication, not this password',
      consumers: [],
      inTerraform: false,
    },
    {
      name: naming.cacheAuthSecret(env.name),
      what: 'Redis AUTH token',
      method: 'runbook',
      periodDays: days,
      why: 'AWS has no Secrets Manager rotation for a replication group AUTH token; ElastiCache accepts two tokens between ROTATE and SET, so a person rotates it without breaking clients',
      procedure: 'redis-auth-token',
      consumers: cacheUsers,
      inTerraform: true,
    },
    ...env.services.flatMap((service) =>
      service.dependencies.secrets.map(
        (secret): PlatformSecret => ({
          name: naming.serviceSecret(env.name, service.name, secret),
          what: `${service.name} ${secret}`,
          method: 'runbook',
          periodDays: days,
          why: 'its value is issued outside AWS (keys handed to clients or partners), so no Lambda can mint a new one; the owning team rotates it with an overlap',
          procedure: service.kind === 'gateway' && secret === GATEWAY_API_KEYS_SECRET ? 'api-keys' : 'service-secret',
          consumers: [service.name],
          inTerraform: true,
        }),
      ),
    ),
    ...(env.hostsPlatformTooling
      ? [
          {
            name: naming.atlantisGithubSecret(env.name),
            what: 'Atlantis GitHub token and webhook secret',
            method: 'runbook' as const,
            periodDays: days,
            why: 'GitHub issues the token and holds the webhook secret; both must change on GitHub and in Secrets Manager together',
            procedure: 'atlantis-github' as const,
            consumers: [`statefulset/atlantis (namespace ${naming.namespaces.system})`],
            inTerraform: true,
          },
        ]
      : []),
    ...SSO_TOOLS.map(
      (tool): PlatformSecret => ({
        name: naming.ssoClientSecret(env.name, tool),
        what: `${tool} OIDC client`,
        method: 'runbook',
        periodDays: days,
        why: 'the identity provider issues the client secret; most providers keep the old one valid until it is deleted, so a new one is added first',
        procedure: 'sso-client',
        consumers: [tool === 'argocd' ? `argocd-server (namespace ${naming.argocdNamespace})` : `deployment/${GRAFANA.fullname} (namespace ${naming.namespaces.monitoring})`],
        inTerraform: true,
      }),
    ),
    ...env.operations.alerting.receivers.map(
      (receiver): PlatformSecret => ({
        name: naming.alertReceiverSecret(env.name, receiver.name),
        what: `Alertmanager receiver ${receiver.name} (${receiver.type})`,
        method: 'runbook',
        periodDays: days,
        why: 'Slack, PagerDuty or the heartbeat service issues the URL or routing key; a new one is created beside the old one, which is revoked once Alertmanager uses the new one',
        procedure: 'alert-receiver',
        consumers: [`statefulset/alertmanager (namespace ${naming.namespaces.monitoring})`],
        inTerraform: true,
      }),
    ),
    {
      name: `${GRAFANA.adminSecret} (Kubernetes Secret in ${naming.namespaces.monitoring})`,
      what: 'Grafana local admin password (break-glass)',
      method: 'runbook',
      periodDays: days,
      why: 'generated in the cluster by External Secrets (Password generator), not in Secrets Manager; Grafana keeps no state (no persistence), so a new password applies at restart',
      procedure: 'grafana-admin',
      consumers: [`deployment/${GRAFANA.fullname} (namespace ${naming.namespaces.monitoring})`],
      inTerraform: false,
    },
    { name: naming.endpointSecret(env.name, 'postgres'), what: 'Aurora writer endpoint', method: 'terraform-apply', why: notCredential, consumers: databaseUsers(false), inTerraform: true },
    { name: naming.endpointSecret(env.name, 'postgres-reader'), what: 'Aurora reader endpoint', method: 'terraform-apply', why: notCredential, consumers: databaseUsers(true), inTerraform: true },
    { name: naming.endpointSecret(env.name, 'redis'), what: 'Redis primary endpoint', method: 'terraform-apply', why: notCredential, consumers: cacheUsers, inTerraform: true },
    { name: naming.kafkaBootstrapSecret(env.name), what: 'MSK bootstrap brokers', method: 'terraform-apply', why: notCredential, consumers: kafkaUsers, inTerraform: true },
  ];
}
