import { describe, expect, it } from 'vitest';
import { literalSecret } from './literal-secrets.js';

describe('literal secrets in configuration', () => {
  it.each([
    ['LOG_LEVEL', 'info'],
    ['MAX_RETRIES', '5'],
    ['TOKEN_TTL_SECONDS', '3600'],
    ['API_KEY_HEADER_ENABLED', 'true'],
    ['UPSTREAM_URL', 'http://data-collector.platform-apps.svc.cluster.local:8080'],
    ['BUCKET', 'platform-dev-raw-111111111111'],
    ['GREETING', 'Welcome to the platform, have a nice day'],
    ['CACHE_KEY_PREFIX', 'orders:'],
    ['PASSWORD_FILE', '/var/run/secrets/platform/db-password'],
    ['TOKEN_URL', 'https://auth.example.com/oauth/token'],
    ['API_KEY', '$(API_KEY_FROM_SECRET)'],
  ])('accepts %s=%j', (key, value) => expect(literalSecret(key, value)).toBeUndefined());

  it.each([
    ['DB_PASSWORD', 'hunter2', /key names a credential \("password"\)/],
    ['apiKey', 'abc', /key names a credential/],
    ['STRIPE_SECRET_KEY', 'x', /key names a credential/],
    ['AuthToken', 'abc', /key names a credential/],
    ['ADMIN_PASSWORD2', 'abc', /key names a credential/],
    ['APIKEY', 'abc', /key names a credential/],
    ['CLIENT_CREDENTIALS', 'client:abc', /key names a credential/],
    ['SETTING', 'AKIAIOSFODNN7EXAMPLE', /AWS access key id/],
    ['CERT', '-----BEGIN RSA PRIVATE KEY-----\nMIIE', /private key/],
    ['SESSION', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', /JSON Web Token/],
    ['DATABASE_URL', 'postgres://app:s3cr3t@db.example.com:5432/app', /URL with a password/],
    ['UPSTREAM', 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789', /GitHub token/],
    ['SIGNING', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', /high-entropy/],
    ['CHECKSUM_SEED', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', /high-entropy/],
  ])('refuses %s=%j', (key, value, why) => expect(literalSecret(key, value)).toMatch(why));
});
