import { describe, expect, it } from 'vitest';
import { instanceShape } from './instance-types.js';

describe('instanceShape', () => {
  it.each([
    ['m6i.large', { family: 'm6i', size: 'large', vcpus: 2, memoryGiB: 8 }],
    ['m6g.medium', { family: 'm6g', size: 'medium', vcpus: 1, memoryGiB: 4 }],
    ['m7g.xlarge', { family: 'm7g', size: 'xlarge', vcpus: 4, memoryGiB: 16 }],
    ['m6i.2xlarge', { family: 'm6i', size: '2xlarge', vcpus: 8, memoryGiB: 32 }],
    ['c7gn.16xlarge', { family: 'c7gn', size: '16xlarge', vcpus: 64, memoryGiB: 128 }],
    ['r6id.xlarge', { family: 'r6id', size: 'xlarge', vcpus: 4, memoryGiB: 32 }],
    ['m7i-flex.large', { family: 'm7i-flex', size: 'large', vcpus: 2, memoryGiB: 8 }],
  ])('reads %s', (type, shape) => {
    expect(instanceShape(type)).toStrictEqual(shape);
  });

  it.each(['t3.large', 'm6i.metal', 'x2gd.xlarge', 'db.r6g.large', 'm6i', 'm6i.nano'])('knows nothing of %s', (type) => {
    expect(instanceShape(type)).toBeUndefined();
  });
});
