/**
 * What the name of an EC2 instance type says about it, for the families node pools use: compute (c),
 * general purpose (m) and memory optimized (r) instances have 2, 4 and 8 GiB per vCPU in every
 * current generation, and a size's vCPUs follow from its name (medium 1, large 2, xlarge 4, Nxlarge 4N).
 */
const MEMORY_GIB_PER_VCPU = { c: 2, m: 4, r: 8 } as const;
/** `<class><generation><attributes>.<size>`, e.g. m6i.xlarge, c7gn.2xlarge, m7i-flex.large. */
const INSTANCE_TYPE = /^(?<family>(?<class>[cmr])[0-9]+[a-z]*(?:-flex)?)\.(?<size>medium|large|(?<multiple>[0-9]*)xlarge)$/;

export interface InstanceShape {
  /** Karpenter's `karpenter.k8s.aws/instance-family`, e.g. m6i. */
  family: string;
  size: string;
  vcpus: number;
  memoryGiB: number;
}

/** The shape of a c, m or r instance type; undefined for any other type (burstable, metal, storage, GPU, …). */
export function instanceShape(type: string): InstanceShape | undefined {
  const groups = INSTANCE_TYPE.exec(type)?.groups;
  if (!groups) return undefined;
  const { family, class: cls, size, multiple } = groups as { family: string; class: keyof typeof MEMORY_GIB_PER_VCPU; size: string; multiple?: string };
  const vcpus = size === 'medium' ? 1 : size === 'large' ? 2 : 4 * Number(multiple || '1');
  return { family, size, vcpus, memoryGiB: vcpus * MEMORY_GIB_PER_VCPU[cls] };
}
