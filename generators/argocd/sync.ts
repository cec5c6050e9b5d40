/** Sync behaviour shared by every generated Application. */

export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
/** Deleting the Application deletes its resources (foreground cascade). */
export const FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Automated retries back off 5s, 10s, 20s, … up to 3 minutes between attempts. */
export const RETRY = { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } } as const;

export interface SyncFlags {
  serverSideApply: boolean;
  respectIgnoreDifferences: boolean;
}

/**
 * Automated sync with prune and self-heal: Git is the only interface, drift is reverted.
 * `allowEmpty: false` stops a wrong path from pruning an app to nothing; pruning runs last, after
 * everything else is healthy; a resource another Application already manages fails the sync
 * instead of being fought over.
 */
export function syncPolicy(flags: SyncFlags) {
  const options = ['FailOnSharedResource=true', 'PruneLast=true'];
  if (flags.respectIgnoreDifferences) options.push('RespectIgnoreDifferences=true');
  if (flags.serverSideApply) options.push('ServerSideApply=true');
  return {
    automated: { prune: true, selfHeal: true, allowEmpty: false },
    retry: { limit: RETRY.limit, backoff: { ...RETRY.backoff } },
    syncOptions: options,
  };
}
