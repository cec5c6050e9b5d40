/**
 * Secret safety. The diff never prints a secret value: values under a sensitive path are reported as
 * "changed (value hidden)", nested sensitive values inside a shown object are replaced by HIDDEN, and
 * any string that looks like a credential is hidden wherever it appears.
 */
import { itemSegment, listIdentifier, type PathSegment } from './paths.js';

export const HIDDEN = '(hidden)';

/** Field or key names that carry secrets, compared lower-case without separators (auth_token → authtoken). */
const SENSITIVE_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'privatekey',
  'privatekeypem',
  'secretstring',
  'secretbinary',
  'secretkeybase',
  'secretaccesskey',
  'apikey',
  'credential',
  'credentials',
  'connectionstring',
];
const SENSITIVE_FRAGMENTS = ['password', 'passwd', 'privatekey'];

/** Strings that are credentials whatever field they are in. */
const CREDENTIAL_PATTERNS = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36,}/,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/,
  /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/$]+@/i,
];

export function isSensitiveName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SENSITIVE_SUFFIXES.some((suffix) => normalized.endsWith(suffix)) || SENSITIVE_FRAGMENTS.some((f) => normalized.includes(f));
}

export function looksLikeCredential(value: unknown): boolean {
  return typeof value === 'string' && CREDENTIAL_PATTERNS.some((pattern) => pattern.test(value));
}

/** A path segment's name: object keys, and the identifier of a keyed list item (env[name=DB_PASSWORD]). */
function segmentName(segment: PathSegment): string | undefined {
  if (typeof segment === 'string') return segment;
  if (typeof segment === 'object') return segment.value;
  return undefined;
}

/** Fields that by their API definition hold references to secrets (names, keys, stores), never values. */
const REFERENCE_FIELDS = new Set(['valueFrom', 'secretKeyRef', 'secretRef', 'secretStoreRef', 'remoteRef', 'sourceRef']);

/** True when a segment of the path is named like a secret, unless the path is inside a reference. */
export function hasSensitiveName(path: readonly PathSegment[]): boolean {
  if (path.some((segment) => typeof segment === 'string' && REFERENCE_FIELDS.has(segment))) return false;
  return path.some((segment) => {
    const name = segmentName(segment);
    return name !== undefined && isSensitiveName(name);
  });
}

/** Decides whether the value at a path is secret; booleans never are (automountServiceAccountToken: false). */
export type SensitivityRule = (path: readonly PathSegment[]) => boolean;

export function isHiddenValue(rule: SensitivityRule, path: readonly PathSegment[], value: unknown): boolean {
  if (typeof value === 'boolean') return false;
  return rule(path) || looksLikeCredential(value);
}

/**
 * A copy of a value with every secret inside it replaced by HIDDEN. The identifying field of a keyed
 * list item (`name` of `env[name=DB_PASSWORD]`) names the secret and is kept.
 */
export function redact(value: unknown, path: readonly PathSegment[], rule: SensitivityRule, identifier?: string): unknown {
  if (Array.isArray(value)) {
    const itemIdentifier = listIdentifier(value);
    return value.map((inner, index) => redact(inner, [...path, itemSegment(inner, index, itemIdentifier)], rule, itemIdentifier));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, key === identifier && !looksLikeCredential(inner) ? inner : redact(inner, [...path, key], rule)]),
    );
  }
  return isHiddenValue(rule, path, value) ? HIDDEN : value;
}
