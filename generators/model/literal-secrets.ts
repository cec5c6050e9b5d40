/**
 * Literal secrets in a service's configuration. Config values land in a ConfigMap in Git; a
 * credential there is leaked. A value is refused when
 *  - its key names a credential: its last word is one such as password, secret, token, credential
 *    or key (DB_PASSWORD, apiKey, STRIPE_SECRET_KEY, GITHUB_TOKEN; not CACHE_KEY_PREFIX or
 *    PASSWORD_FILE, which name something else), unless the value is a plain number, boolean or size,
 *    an absolute file path or a $(VARIABLE) reference; or
 *  - the value itself is shaped like a credential whatever its key: an AWS access key id, a
 *    private-key header, a JWT, a well-known token format (GitHub, Slack, Stripe, Google), a URL with
 *    a password in it, or a long high-entropy string (≥ 24 characters of one token alphabet at
 *    ≥ 4 bits of entropy per character, or ≥ 32 hexadecimal digits).
 * The fix is the project's secret reference: name the secret in `dependencies.secrets` (Secrets
 * Manager, delivered to the pod by an ExternalSecret) and set its value out of band.
 */
const CREDENTIAL_WORDS = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'key', 'keys',
  'apikey', 'privatekey', 'accesskey', 'secretkey', 'authtoken', 'apitoken', 'clientsecret',
]);

/** Values that cannot be a credential: numbers, booleans, sizes and durations, empty, a file path, a $(VAR) or ${VAR} reference. */
const HARMLESS_VALUE = /^(|true|false|yes|no|on|off|[0-9]+(\.[0-9]+)?([a-zA-Z]{1,3})?|\/[\w./-]*|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/i;

const SHAPES: { pattern: RegExp; what: string }[] = [
  { pattern: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/, what: 'an AWS access key id' },
  { pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/, what: 'a private key' },
  { pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/, what: 'a JSON Web Token' },
  { pattern: /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/, what: 'a GitHub token' },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  { pattern: /\b[rs]k_(live|test)_[A-Za-z0-9]{16,}/, what: 'a Stripe key' },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
  { pattern: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, what: 'a URL with a password' },
];

/** What a key names: its last word (DB_PASSWORD → password, apiKey → key, PASSWORD2 → password) and the whole key joined (APIKEY → apikey). */
function keyNouns(key: string): string[] {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+|\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase().replace(/[0-9]+$/, ''));
  return [words[words.length - 1] ?? '', words.join('')];
}

function entropyPerChar(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

function highEntropy(value: string): boolean {
  for (const token of value.split(/[\s,;:@"'=]+/)) {
    if (/^[0-9a-fA-F]{32,}$/.test(token)) return true;
    if (token.length >= 24 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(token) && /[0-9]/.test(token) && /[A-Za-z]/.test(token) && entropyPerChar(token) >= 4) return true;
  }
  return false;
}

/** What makes this entry look like a literal secret, or undefined. */
export function literalSecret(key: string, value: string): string | undefined {
  const shape = SHAPES.find((s) => s.pattern.test(value));
  if (shape) return `the value looks like ${shape.what}`;
  const word = keyNouns(key).find((w) => CREDENTIAL_WORDS.has(w));
  if (word && !HARMLESS_VALUE.test(value.trim())) return `the key names a credential ("${word}")`;
  if (highEntropy(value)) return 'the value looks like a generated credential (a long high-entropy string)';
  return undefined;
}

export const SECRET_REFERENCE_HINT =
  'secrets never go in config (it is committed and rendered into a ConfigMap): add the secret\'s name to dependencies.secrets (Secrets Manager, mounted through an ExternalSecret) and set its value out of band';
