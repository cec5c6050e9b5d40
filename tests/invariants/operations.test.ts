/**
 * Operations, for every environment of the repository whatever it holds: the audit lives in exactly
 * one environment per account; the windows Terraform applies are the configured ones; every team
 * of the environment's services reaches a receiver; every receiver has its Secrets Manager secret
 * (no value), a key of the ExternalSecret Alertmanager mounts, and a credential file in its config.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_TOPIC_RECEIVER } from '../../environments/operations.js';
import { alertmanagerConfig } from '../../generators/kubernetes/addons/alertmanager/config.js';
import { alertTeams, teamRoutes } from '../../generators/kubernetes/addons/alertmanager/routes.js';
import { unsupportedKeys } from '../../generators/kubernetes/addons/alertmanager/supported-fields.js';
import { credentialFile } from '../../generators/kubernetes/addons/alertmanager/receivers.js';
import { clusterApps } from '../../generators/kubernetes/apps.js';
import { naming } from '../../generators/naming.js';
import { repositoryOutput } from '../support/repository-output.js';
import { documentsOf } from '../support/synth.js';

const { model, files } = await repositoryOutput();

type Json = Record<string, any>;
const stack = (env: string, name: 'data' | 'observability'): Json =>
  documentsOf(files.find((f) => f.path === `${naming.terraformDir(env as never, name)}/main.tf.json`)!)[0] as Json;
const resources = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});

describe('account audit', () => {
  it('exactly one environment per account creates the trail and the detector; the others read its state', () => {
    const accounts = [...new Set(model.environments.map((e) => e.aws.accountId))];
    for (const account of accounts) {
      const envs = model.environments.filter((e) => e.aws.accountId === account);
      const creators = envs.filter((e) => resources(stack(e.name, 'observability'), 'aws_cloudtrail').length > 0);
      expect(creators, `account ${account}`).toHaveLength(1);
      for (const env of envs) {
        const json = stack(env.name, 'observability');
        expect(resources(json, 'aws_guardduty_detector').length, env.name).toBe(env === creators[0] ? 1 : 0);
        if (env !== creators[0]) expect(json.data.terraform_remote_state.account_audit.config.key).toBe(naming.stateKey(creators[0]!.name, 'observability'));
      }
    }
  });
});

describe.each(model.environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  it('applies the configured maintenance and backup windows', () => {
    const data = stack(env.name, 'data');
    const windows = env.operations.maintenance;
    for (const cluster of resources(data, 'aws_rds_cluster')) {
      expect([cluster.preferred_maintenance_window, cluster.preferred_backup_window]).toEqual([windows.database, windows.databaseBackup]);
    }
    for (const group of resources(data, 'aws_elasticache_replication_group')) {
      expect([group.maintenance_window, group.snapshot_window]).toEqual([windows.cache, windows.cacheSnapshot]);
    }
    for (const msk of resources(data, 'aws_msk_cluster')) {
      expect(msk.open_monitoring.prometheus).toEqual({ jmx_exporter: { enabled_in_broker: true }, node_exporter: { enabled_in_broker: true } });
    }
  });

  it('writes an Alertmanager configuration whose every key Alertmanager parses', () => {
    expect(unsupportedKeys(alertmanagerConfig(env))).toEqual([]);
  });

  it("routes every team's alerts to receivers that exist", () => {
    const declared = new Set([ALERT_TOPIC_RECEIVER, ...env.operations.alerting.receivers.map((r) => r.name)]);
    const teams = alertTeams(env);
    for (const service of env.services) expect(teams).toContain(service.team);
    for (const team of teams) {
      const routes = teamRoutes(env, team);
      expect(routes.length, team).toBeGreaterThan(0);
      for (const receiver of routes.flatMap((r) => r.receivers)) expect(declared).toContain(receiver);
    }
  });

  it('gives every receiver an empty Secrets Manager secret, an ExternalSecret key and a credential file', () => {
    const secrets = resources(stack(env.name, 'observability'), 'aws_secretsmanager_secret').map((s) => s.name);
    const versions = resources(stack(env.name, 'observability'), 'aws_secretsmanager_secret_version');
    expect(versions).toEqual([]);
    const externalSecret = files
      .filter((f) => f.path.startsWith(`${naming.kubernetesDir(env.name, 'monitoring')}/`))
      .flatMap(documentsOf)
      .find((d) => (d as Json).kind === 'ExternalSecret' && (d as Json).metadata.name === naming.alertReceiversSecret) as Json | undefined;
    const alertmanager = JSON.stringify(clusterApps(env).releases.find((r) => r.name === 'kube-prometheus-stack')!.values);
    for (const receiver of env.operations.alerting.receivers) {
      const secret = naming.alertReceiverSecret(env.name, receiver.name);
      expect(secrets).toContain(secret);
      expect(externalSecret?.spec.data).toContainEqual({ secretKey: receiver.name, remoteRef: { key: secret } });
      expect(alertmanager).toContain(credentialFile(receiver.name));
    }
  });
});

/**
 * The dimension sets AWS publishes these namespaces' metrics with (CloudWatch user guides of RDS,
 * ElastiCache, MSK and NAT gateways): an alarm with any other set watches a series that never exists.
 */
const PUBLISHED_DIMENSIONS: Record<string, string[][]> = {
  'AWS/RDS': [['DBClusterIdentifier'], ['DBInstanceIdentifier'], ['DBClusterIdentifier', 'Role']],
  'AWS/ElastiCache': [['CacheClusterId'], ['CacheClusterId', 'CacheNodeId'], ['ReplicationGroupId']],
  'AWS/Kafka': [['Cluster Name'], ['Broker ID', 'Cluster Name'], ['Cluster Name', 'Topic'], ['Broker ID', 'Cluster Name', 'Topic']],
  'AWS/NATGateway': [['NatGatewayId']],
};

describe.each(model.environments.map((env) => [env.name, env] as const))('%s alarms', (_name, env) => {
  const alarms = resources(stack(env.name, 'observability'), 'aws_cloudwatch_metric_alarm');

  it('use dimension sets AWS publishes, or a Metrics Insights query, and decide about missing data', () => {
    for (const alarm of alarms) {
      expect(['missing', 'notBreaching', 'breaching', 'ignore'], alarm.alarm_name).toContain(alarm.treat_missing_data);
      expect(alarm.alarm_actions, alarm.alarm_name).toEqual(alarm.ok_actions);
      if (alarm.metric_query) {
        expect(alarm.metric_query[0].expression, alarm.alarm_name).toMatch(/^SELECT (SUM|MAX|AVG|MIN)\([A-Za-z0-9_]+\) FROM SCHEMA\("AWS\/ApplicationELB"/);
        continue;
      }
      const keys = Object.keys(alarm.dimensions).sort();
      expect(PUBLISHED_DIMENSIONS[alarm.namespace], `${alarm.alarm_name}: ${alarm.namespace}`).toContainEqual(keys);
    }
  });

  it('watch every NAT gateway, Aurora instance, Redis node and MSK broker the environment has', () => {
    const names = alarms.map((a) => a.alarm_name as string);
    const count = (pattern: RegExp) => names.filter((n) => pattern.test(n)).length;
    const natGateways = env.network.natGateways === 'single' ? 1 : env.aws.availabilityZones.length;
    expect(count(/-nat-.*-packets-dropped$/)).toBe(natGateways);
    expect(count(/-postgres-\d+-free-local-storage$/)).toBe(env.database.instances);
    expect(count(/-redis-\d+-evictions$/)).toBe(env.cache.nodes);
    expect(count(/-kafka-\d+-under-replicated$/)).toBe(env.kafka.brokersPerAz * env.aws.availabilityZones.length);
    expect(count(/-postgres-replica-lag$/)).toBe(env.database.instances > 1 ? 1 : 0);
  });
});
