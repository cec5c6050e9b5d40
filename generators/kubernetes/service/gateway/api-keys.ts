/**
 * The gateway's API keys: Secrets Manager holds a JSON object `{ "<client>": "<key>" }` at
 * naming.serviceSecret(env, gateway, "api-keys"); the External Secrets Operator renders it into an
 * nginx map file (`"<key>" "<client>";` per line), so no key ever appears in Git.
 */
import type { Construct } from 'constructs';
import { GATEWAY_API_KEYS_SECRET } from '../../../../services/types.js';
import { naming } from '../../../naming.js';
import { customResource } from '../../crds.js';
import type { ServiceContext } from '../context.js';
import { externalSecret } from '../secrets.js';
import { API_KEYS_FILE } from './nginx-conf.js';

export const apiKeysSecretName = (ctx: ServiceContext) => `${ctx.service.name}-${GATEWAY_API_KEYS_SECRET}`;

/** Go template (External Secrets template engine v2) over the extracted JSON keys. */
export const API_KEYS_TEMPLATE = '{{- range $client, $key := . }}\n{{ $key | quote }} {{ $client | quote }};\n{{- end }}\n';

export function addApiKeys(scope: Construct, ctx: ServiceContext): string {
  const name = apiKeysSecretName(ctx);
  customResource(
    scope,
    'external-secret-api-keys',
    externalSecret(name, ctx.namespace, {
      dataFrom: [{ extract: { key: naming.serviceSecret(ctx.env.name, ctx.service.name, GATEWAY_API_KEYS_SECRET) } }],
      target: { template: { engineVersion: 'v2', data: { [API_KEYS_FILE]: API_KEYS_TEMPLATE } } },
    }),
  );
  return name;
}
