/**
 * ElastiCache Redis, per node (members of a replication group without cluster mode are
 * `<group id>-001`, `-002`, …, the CacheClusterId dimension): engine CPU, memory and evictions.
 */
import { Fn } from 'cdktf';
import type { AlarmSpec } from './alarm.js';
import type { AlarmInputs } from './inputs.js';

export function cacheAlarms({ env, data }: AlarmInputs): AlarmSpec[] {
  const { cpuPercent, memoryPercent } = env.alerts;
  const evictions = env.operations.alarms.cacheEvictions;
  const replicationGroup = data.getString('redis_replication_group_id');
  const specs: AlarmSpec[] = [];
  for (let node = 1; node <= env.cache.nodes; node++) {
    const dimensions = { CacheClusterId: Fn.format('%s-%03d', [replicationGroup, node]) };
    const namespace = 'AWS/ElastiCache';
    specs.push(
      {
        id: `alarm_redis_cpu_${node}`,
        name: `redis-${node}-cpu`,
        description: `Redis node ${node} engine CPU above ${cpuPercent}%`,
        namespace,
        metric: 'EngineCPUUtilization',
        dimensions,
        threshold: cpuPercent,
        missingData: 'missing',
      },
      {
        id: `alarm_redis_memory_${node}`,
        name: `redis-${node}-memory`,
        description: `Redis node ${node} memory above ${memoryPercent}%`,
        namespace,
        metric: 'DatabaseMemoryUsagePercentage',
        dimensions,
        threshold: memoryPercent,
        missingData: 'missing',
      },
      {
        id: `alarm_redis_evictions_${node}`,
        name: `redis-${node}-evictions`,
        description: `Redis node ${node} evicted more than ${evictions} keys in 5 minutes`,
        namespace,
        metric: 'Evictions',
        dimensions,
        statistic: 'Sum',
        threshold: evictions,
        missingData: 'missing',
        evaluationPeriods: 1,
      },
    );
  }
  return specs;
}
