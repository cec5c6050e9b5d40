/** Just enough Kubernetes quantity arithmetic for sizing from the model (CPU cores/millicores, binary memory units). */
const MEMORY_UNITS = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024 } as const;

export function cpuMillis(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Math.round(Number(quantity) * 1000);
}

export function memoryMiB(quantity: string): number {
  const match = /^([0-9]+)(Ki|Mi|Gi|Ti)$/.exec(quantity);
  if (!match) throw new Error(`not a binary memory quantity: ${quantity}`);
  return Number(match[1]) * MEMORY_UNITS[match[2] as keyof typeof MEMORY_UNITS];
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${Math.floor(millis)}m`;
}

export function formatMemory(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${Math.floor(mib)}Mi`;
}
