/**
 * The runbook's "Secret rotation" section: the inventory as a table, then one procedure per kind
 * of runbook-rotated secret, with the environment's names filled in. Every procedure keeps running
 * clients working: the new value is accepted before the old one stops working, External Secrets is
 * forced to refresh (it would otherwise take up to its refreshInterval), and the consumers are
 * restarted, because they read the values once at start (environment variables, nginx map).
 */
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { REFRESH_INTERVAL } from '../kubernetes/service/secrets.js';
import { blocks, heading, shell, table } from './markdown.js';
import { platformSecrets, type PlatformSecret, type RotationProcedure } from './secret-inventory.js';

const APPS = naming.namespaces.apps;

function refreshAndRestart(consumers: string[]): string[] {
  const deployments = consumers.filter((c) => !c.includes('/'));
  return [
    `# External Secrets refreshes every ${REFRESH_INTERVAL}; force it now, then restart the readers (they read the value at start).`,
    `kubectl annotate externalsecret --all -n ${APPS} force-sync="$(date +%s)" --overwrite`,
    ...deployments.flatMap((d) => [`kubectl rollout restart deployment/${d} -n ${APPS}`, `kubectl rollout status deployment/${d} -n ${APPS} --timeout=10m`]),
  ];
}

function procedure(env: ResolvedEnvironment, kind: RotationProcedure, secrets: PlatformSecret[]): string {
  const region = env.aws.region;
  const secret = secrets[0]!;
  switch (kind) {
    case 'redis-auth-token':
      return blocks(
        heading(3, `Redis AUTH token (${secret.name})`),
        'ElastiCache accepts both the old and the new token between `ROTATE` and `SET`; the old one stops working only at step 4, after every reader runs with the new one. Terraform ignores later changes of the token (`ignore_changes = [auth_token]`).',
        shell(
          `export AWS_REGION=${region}`,
          '# 1. A new token; ElastiCache now accepts old and new.',
          'NEW_TOKEN="$(aws secretsmanager get-random-password --password-length 64 --exclude-punctuation --query RandomPassword --output text)"',
          `aws elasticache modify-replication-group --replication-group-id ${naming.redisReplicationGroup(env.name)} \\`,
          '  --auth-token "$NEW_TOKEN" --auth-token-update-strategy ROTATE --apply-immediately',
          `aws elasticache wait replication-group-available --replication-group-id ${naming.redisReplicationGroup(env.name)}`,
          '# 2. Publish it.',
          `aws secretsmanager put-secret-value --secret-id ${secret.name} --secret-string "$NEW_TOKEN"`,
          '# 3. Readers pick it up.',
          ...refreshAndRestart(secret.consumers),
          '# 4. Only now retire the old token.',
          `aws elasticache modify-replication-group --replication-group-id ${naming.redisReplicationGroup(env.name)} \\`,
          '  --auth-token "$NEW_TOKEN" --auth-token-update-strategy SET --apply-immediately',
          'unset NEW_TOKEN',
        ),
      );
    case 'api-keys':
      return blocks(
        heading(3, `Gateway API keys (${secrets.map((s) => s.name).join(', ')})`),
        'The secret is a JSON object of client name to key, rendered into the gateway\'s nginx map. Add the new key under a new client name first (both keys work), hand it to the client, and remove the old entry once the client has switched.',
        shell(
          `export AWS_REGION=${region}`,
          `aws secretsmanager get-secret-value --secret-id ${secret.name} --query SecretString --output text > keys.json   # keep this file off disk you do not control; delete it after`,
          '# Edit keys.json: add "<client>-<yyyymm>": "<new key>" (e.g. from `openssl rand -hex 32`); keep the old entry.',
          `aws secretsmanager put-secret-value --secret-id ${secret.name} --secret-string file://keys.json`,
          ...refreshAndRestart(secret.consumers),
          '# After the client confirms it uses the new key: remove the old entry from keys.json and repeat the three commands above.',
          'shred -u keys.json',
        ),
      );
    case 'service-secret':
      return blocks(
        heading(3, 'Service secrets'),
        table(['secret', 'read by'], secrets.map((s) => [`\`${s.name}\``, s.consumers.join(', ')])),
        'The owning team issues the new value. Where another party holds a copy (a partner\'s signing key), the service must accept the previous value for one rotation period: publish the new value, restart, and tell the other party; only the next rotation drops the old one.',
        shell(
          `export AWS_REGION=${region}`,
          'aws secretsmanager put-secret-value --secret-id <secret above> --secret-string "$NEW_VALUE"',
          ...refreshAndRestart([...new Set(secrets.flatMap((s) => s.consumers))]),
        ),
      );
    case 'sso-client':
      return blocks(
        heading(3, 'Argo CD and Grafana OIDC clients'),
        `Add a second client secret to the application in the identity provider (${env.access.sso.issuerUrl}) first; both work until the old one is deleted.`,
        shell(
          `export AWS_REGION=${region}`,
          ...secrets.flatMap((s) => [`aws secretsmanager put-secret-value --secret-id ${s.name} \\`, '  --secret-string "{\\"client_id\\":\\"$CLIENT_ID\\",\\"client_secret\\":\\"$NEW_CLIENT_SECRET\\"}"']),
          `kubectl annotate externalsecret ${naming.ssoKubernetesSecret.argocd} -n ${naming.argocdNamespace} force-sync="$(date +%s)" --overwrite`,
          `kubectl annotate externalsecret ${naming.ssoKubernetesSecret.grafana} -n ${naming.namespaces.monitoring} force-sync="$(date +%s)" --overwrite`,
          '# Argo CD rereads the Secret by itself; Grafana reads it at start.',
          `kubectl rollout restart deployment/grafana -n ${naming.namespaces.monitoring}`,
          '# Log in to both through SSO, then delete the old client secret in the identity provider.',
        ),
      );
    case 'grafana-admin':
      return blocks(
        heading(3, 'Grafana local admin password'),
        shell(
          `kubectl annotate externalsecret ${secret.name.split(' ')[0]} -n ${naming.namespaces.monitoring} force-sync="$(date +%s)" --overwrite`,
          `kubectl rollout restart deployment/grafana -n ${naming.namespaces.monitoring}`,
        ),
      );
    case 'alert-receiver':
      return blocks(
        heading(3, 'Alertmanager receivers'),
        table(['secret', 'receiver'], secrets.map((s) => [`\`${s.name}\``, s.what])),
        'Create the new Slack webhook URL, PagerDuty routing key or heartbeat URL beside the old one (both deliver), publish it, and revoke the old one after a test alert arrived through the new one. Alertmanager reads the credentials as files (`*_file`) on every notification, so no restart is needed.',
        shell(
          `export AWS_REGION=${region}`,
          'aws secretsmanager put-secret-value --secret-id <secret above> --secret-string "$NEW_URL_OR_KEY"',
          `kubectl annotate externalsecret ${naming.alertReceiversSecret} -n ${naming.namespaces.monitoring} force-sync="$(date +%s)" --overwrite`,
          '# The kubelet refreshes the mounted Secret within about a minute; then revoke the old URL or key at its issuer.',
        ),
      );
    case 'atlantis-github':
      return blocks(
        heading(3, `Atlantis GitHub token and webhook secret (${secret.name})`),
        `Create the new token for \`${naming.atlantisGithubUser}\` before revoking the old one. GitHub holds one webhook secret: between updating it in Secrets Manager and on GitHub, deliveries fail with 400; redeliver them from the webhook's "Recent Deliveries" page.`,
        shell(
          `export AWS_REGION=${region}`,
          'NEW_WEBHOOK_SECRET="$(openssl rand -hex 32)"',
          `aws secretsmanager put-secret-value --secret-id ${secret.name} \\`,
          '  --secret-string "{\\"github_token\\":\\"$NEW_GITHUB_TOKEN\\",\\"github_secret\\":\\"$NEW_WEBHOOK_SECRET\\"}"',
          `kubectl annotate externalsecret ${naming.atlantisVcsSecret} -n ${naming.namespaces.system} force-sync="$(date +%s)" --overwrite`,
          `kubectl rollout restart statefulset/atlantis -n ${naming.namespaces.system}`,
          `kubectl rollout status statefulset/atlantis -n ${naming.namespaces.system} --timeout=10m`,
          `# Now set $NEW_WEBHOOK_SECRET as the secret of the repository webhook to https://${naming.atlantisHost(env.domain)}/events, then revoke the old token.`,
          'unset NEW_WEBHOOK_SECRET NEW_GITHUB_TOKEN',
        ),
      );
  }
}

export function rotationSection(env: ResolvedEnvironment): string {
  const secrets = platformSecrets(env);
  const period = (s: PlatformSecret) => (s.periodDays === undefined ? '—' : `${s.periodDays} days`);
  const byProcedure = new Map<RotationProcedure, PlatformSecret[]>();
  for (const s of secrets) if (s.procedure) byProcedure.set(s.procedure, [...(byProcedure.get(s.procedure) ?? []), s]);
  return blocks(
    heading(2, 'Secret rotation'),
    `Every secret rotates at least every ${env.secrets.rotationDays} days (\`secrets.rotationDays\`). Each Secrets Manager secret carries its method as tags (\`rotation\`, \`rotation-days\`, \`rotation-max-days\`), which policy TF-015 checks. Nothing in AWS reminds anyone of a runbook rotation: put it in the team calendar; \`aws secretsmanager describe-secret --secret-id <name> --query LastChangedDate\` shows when it last changed.`,
    table(
      ['secret', 'what', 'rotation', 'every', 'read by', 'why'],
      secrets.map((s) => [`\`${s.name}\``, s.what, s.method, period(s), s.consumers.join(', ') || '—', s.why]),
    ),
    ...[...byProcedure.entries()].map(([kind, list]) => procedure(env, kind, list)),
  );
}
