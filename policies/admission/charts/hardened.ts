/** Shorthands for records: the security contexts generators/kubernetes/addons/hardening.ts renders, and common probe shapes. */
export const HARDENED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true };

export const hardenedContainerAs = (user: number) => ({ ...HARDENED_CONTAINER, runAsNonRoot: true, runAsUser: user, seccompProfile: { type: 'RuntimeDefault' } });

export const nonRootPod = (user: number, extra: Record<string, unknown> = {}) => ({ runAsNonRoot: true, runAsUser: user, ...extra, seccompProfile: { type: 'RuntimeDefault' } });

export const requests = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string) => ({ requests: { cpu, memory }, limits: { cpu: cpuLimit, memory: memoryLimit } });

export const httpProbe = (path: string, port: string | number) => ({ httpGet: { path, port } });
