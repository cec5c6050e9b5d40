import { describe, expect, it } from 'vitest';
import { cpuMillis, formatCpu, formatMemory, memoryMiB } from './quantity.js';

describe('quantities', () => {
  it('parse CPU and memory', () => {
    expect([cpuMillis('250m'), cpuMillis('2'), cpuMillis('1.5')]).toStrictEqual([250, 2000, 1500]);
    expect([memoryMiB('512Mi'), memoryMiB('2Gi'), memoryMiB('1Ti'), memoryMiB('1024Ki')]).toStrictEqual([512, 2048, 1048576, 1]);
    expect(() => memoryMiB('1G')).toThrow('not a binary memory quantity: 1G');
  });

  it('format in the largest whole unit', () => {
    expect([formatCpu(6000), formatCpu(1500), formatCpu(250)]).toStrictEqual(['6', '1500m', '250m']);
    expect([formatMemory(12288), formatMemory(1536)]).toStrictEqual(['12Gi', '1536Mi']);
  });
});
