/**
 * Aurora PostgreSQL: CPU and connections of the cluster, the largest replica lag (with readers),
 * and each instance's free local storage (temporary files, logs), against the environment's thresholds.
 */
import { naming } from '../../../naming.js';
import type { AlarmSpec } from './alarm.js';
import type { AlarmInputs } from './inputs.js';

const GIB = 1024 ** 3;

export function databaseAlarms({ env, data }: AlarmInputs): AlarmSpec[] {
  const { cpuPercent } = env.alerts;
  const thresholds = env.operations.alarms;
  const cluster = { DBClusterIdentifier: data.getString('postgres_cluster_identifier') };
  const specs: AlarmSpec[] = [
    {
      id: 'alarm_postgres_cpu',
      name: 'postgres-cpu',
      description: `Aurora PostgreSQL CPU above ${cpuPercent}%`,
      namespace: 'AWS/RDS',
      metric: 'CPUUtilization',
      dimensions: cluster,
      threshold: cpuPercent,
      missingData: 'missing',
    },
    {
      id: 'alarm_postgres_connections',
      name: 'postgres-connections',
      description: `Aurora PostgreSQL connections above ${thresholds.databaseConnections}`,
      namespace: 'AWS/RDS',
      metric: 'DatabaseConnections',
      dimensions: cluster,
      statistic: 'Maximum',
      threshold: thresholds.databaseConnections,
      missingData: 'missing',
    },
  ];
  if (env.database.instances > 1) {
    specs.push({
      id: 'alarm_postgres_replica_lag',
      name: 'postgres-replica-lag',
      description: `Aurora replica lag above ${thresholds.databaseReplicaLagMs} ms`,
      namespace: 'AWS/RDS',
      metric: 'AuroraReplicaLagMaximum',
      dimensions: cluster,
      statistic: 'Maximum',
      threshold: thresholds.databaseReplicaLagMs,
      missingData: 'missing',
    });
  }
  for (let i = 1; i <= env.database.instances; i++) {
    specs.push({
      id: `alarm_postgres_free_local_storage_${i}`,
      name: `postgres-${i}-free-local-storage`,
      description: `Aurora instance ${i} free local storage below ${thresholds.databaseFreeLocalStorageGiB} GiB`,
      namespace: 'AWS/RDS',
      metric: 'FreeLocalStorage',
      dimensions: { DBInstanceIdentifier: naming.postgresInstance(env.name, i) },
      statistic: 'Minimum',
      comparison: 'LessThanThreshold',
      threshold: thresholds.databaseFreeLocalStorageGiB * GIB,
      missingData: 'missing',
    });
  }
  return specs;
}
