/**
 * The security contexts the add-on values give the charts that accept them, so their workloads
 * pass the platform's admission policies (K8S-001 to K8S-004): a non-root user, no privilege
 * escalation, every capability dropped, a read-only root file system (writable paths are
 * emptyDirs the chart or our values mount) and the runtime's default seccomp profile.
 */

export interface PodSecurityValues {
  runAsNonRoot: true;
  runAsUser: number;
  runAsGroup?: number;
  /** Lets a non-root process read the projected IRSA token. */
  fsGroup?: number;
  seccompProfile: { type: 'RuntimeDefault' };
}

export interface ContainerSecurityValues {
  allowPrivilegeEscalation: false;
  capabilities: { drop: ['ALL'] };
  readOnlyRootFilesystem: true;
  runAsNonRoot?: true;
  runAsUser?: number;
  seccompProfile?: { type: 'RuntimeDefault' };
}

export function podSecurity(user: number, options: { group?: number; fsGroup?: number } = {}): PodSecurityValues {
  return {
    runAsNonRoot: true,
    runAsUser: user,
    ...(options.group !== undefined ? { runAsGroup: options.group } : {}),
    ...(options.fsGroup !== undefined ? { fsGroup: options.fsGroup } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** For charts that have only a container securityContext, `user` also sets the non-root user there. */
export function containerSecurity(user?: number): ContainerSecurityValues {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    ...(user !== undefined ? { runAsNonRoot: true as const, runAsUser: user, seccompProfile: { type: 'RuntimeDefault' as const } } : {}),
  };
}
