/** Customer-managed KMS keys: rotation on, a 30-day deletion window, and an alias from the naming contract. */
import type { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { keyPolicy, type Statement } from './iam.js';

export interface PlatformKeyOptions {
  /** Account that administers the key through IAM. */
  accountId: string;
  /** Full alias name, e.g. naming.kmsAlias(env, 'data'). */
  alias: string;
  description: string;
  /** Grants to AWS services beyond the account's own IAM principals. */
  grants?: Statement[];
  /** The provider of another region (recovery copies); the stack's own provider when absent. */
  provider?: TerraformProvider;
}

/** Creates `kms_key_<id>` and `kms_alias_<id>`. */
export function platformKey(scope: Construct, id: string, options: PlatformKeyOptions): KmsKey {
  const key = new KmsKey(scope, `kms_key_${id}`, {
    description: options.description,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: keyPolicy(options.accountId, options.grants ?? []),
    provider: options.provider,
  });
  new KmsAlias(scope, `kms_alias_${id}`, { name: options.alias, targetKeyId: key.keyId, provider: options.provider });
  return key;
}
