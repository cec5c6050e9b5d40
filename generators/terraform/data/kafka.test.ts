import { describe, expect, it } from 'vitest';
import { serverProperties } from './kafka.js';

describe('serverProperties', () => {
  it('keeps three copies with two in sync when there are enough brokers', () => {
    expect(serverProperties(3)).toBe(
      'auto.create.topics.enable=false\ndefault.replication.factor=3\nmin.insync.replicas=2\nnum.partitions=6\nunclean.leader.election.enable=false',
    );
  });

  it('stays writable with one broker down in a two-broker cluster', () => {
    expect(serverProperties(2)).toContain('default.replication.factor=2\nmin.insync.replicas=1');
  });
});
