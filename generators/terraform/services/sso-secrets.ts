/**
 * The OIDC clients of Argo CD and Grafana in Secrets Manager (names only: the identity provider
 * issues the values, which are set out of band, never in Git), encrypted with the secrets key and
 * rotated by the runbook like every out-of-band secret.
 */
import type { TerraformStack } from 'cdktf';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { naming } from '../../naming.js';
import { rotationTags } from '../secrets/rotation-tags.js';

export const SSO_TOOLS = ['argocd', 'grafana'] as const;

export function ssoClientSecrets(stack: TerraformStack, env: ResolvedEnvironment, secretsKeyArn: string): void {
  for (const tool of SSO_TOOLS) {
    new SecretsmanagerSecret(stack, `secret_${tool}_oidc`, {
      name: naming.ssoClientSecret(env.name, tool),
      description: `${tool} OIDC client (client_id, client_secret): value set out of band, never in Git`,
      kmsKeyId: secretsKeyArn,
      recoveryWindowInDays: 7,
      tags: rotationTags(env, 'runbook'),
    });
  }
}
