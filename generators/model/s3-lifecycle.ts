/**
 * Lifecycle rules S3 accepts (PutBucketLifecycleConfiguration), for any list of transitions:
 *  - STANDARD_IA and ONEZONE_IA: no sooner than 30 days after creation;
 *  - storage classes only in S3's waterfall order (STANDARD_IA → INTELLIGENT_TIERING → ONEZONE_IA →
 *    GLACIER_IR → GLACIER → DEEP_ARCHIVE), each on a later day than the one before, one per class;
 *  - objects stay at least 30 days in STANDARD_IA/ONEZONE_IA before an archive class;
 *  - expiration after the last transition (S3: "Days in the Expiration action must be greater
 *    than Days in the Transition action"); 0 means never;
 *  - noncurrent-version expiration of at least one day.
 */
export type StorageClass = 'STANDARD_IA' | 'INTELLIGENT_TIERING' | 'ONEZONE_IA' | 'GLACIER_IR' | 'GLACIER' | 'DEEP_ARCHIVE';

const ORDER: readonly StorageClass[] = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'];
const INFREQUENT_ACCESS: readonly StorageClass[] = ['STANDARD_IA', 'ONEZONE_IA'];
const ARCHIVE: readonly StorageClass[] = ['GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'];

export interface LifecycleRule {
  transitions: { days: number; storageClass: StorageClass; path: string }[];
  /** 0 or absent: objects never expire. */
  expiration?: { days: number; path: string };
  noncurrentExpiration?: { days: number; path: string };
}

export function lifecycleProblems(rule: LifecycleRule): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { transitions } = rule;
  transitions.forEach((t, i) => {
    if (INFREQUENT_ACCESS.includes(t.storageClass) && t.days < 30) {
      problems.push({ path: t.path, message: `S3 moves objects to ${t.storageClass} no sooner than 30 days after creation, got ${t.days}` });
    }
    const previous = transitions[i - 1];
    if (!previous) return;
    if (ORDER.indexOf(t.storageClass) <= ORDER.indexOf(previous.storageClass)) {
      problems.push({ path: t.path, message: `S3 cannot transition from ${previous.storageClass} to ${t.storageClass}; expected the order ${ORDER.join(' → ')}` });
    } else if (t.days <= previous.days) {
      problems.push({ path: t.path, message: `expected a later day than the ${previous.storageClass} transition (day ${previous.days}), got ${t.days}` });
    } else if (INFREQUENT_ACCESS.includes(previous.storageClass) && ARCHIVE.includes(t.storageClass) && t.days - previous.days < 30) {
      problems.push({ path: t.path, message: `objects must stay 30 days in ${previous.storageClass} before ${t.storageClass}: expected day ${previous.days + 30} or later, got ${t.days}` });
    }
  });
  const last = transitions[transitions.length - 1];
  if (rule.expiration && rule.expiration.days > 0 && last && rule.expiration.days <= last.days) {
    problems.push({ path: rule.expiration.path, message: `S3 expires objects only after their last transition (${last.storageClass} on day ${last.days}); expected more than ${last.days} days or 0 (never), got ${rule.expiration.days}` });
  }
  if (rule.noncurrentExpiration && rule.noncurrentExpiration.days < 1) {
    problems.push({ path: rule.noncurrentExpiration.path, message: `expected at least 1 day, got ${rule.noncurrentExpiration.days}` });
  }
  return problems;
}
