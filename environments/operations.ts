/**
 * What an environment needs to be operated: the account's audit (CloudTrail, GuardDuty), the weekly
 * maintenance and daily backup windows of the managed services, CloudWatch alarm thresholds and where
 * alerts go (Alertmanager receivers and routes). Part of `Environment` (types.ts) as `operations`.
 */

export interface GuardDutySettings {
  /** EKS audit-log monitoring (GuardDuty reads the control plane's audit log itself; no cluster change). */
  eksAuditLogs: boolean;
  /**
   * EKS runtime monitoring with the GuardDuty agent as an EKS add-on managed by GuardDuty. Refused
   * (true) for now: the agent's pods would not pass the platform's admission policies.
   */
  eksRuntimeMonitoring: boolean;
  /** How often updated findings are exported to EventBridge (and so to the alert topic). */
  findingPublishingFrequency: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
}

export interface Audit {
  /**
   * Omitted: this environment creates its account's CloudTrail trail and GuardDuty detector. Set:
   * the name of the environment in the same AWS account that does. An account has one organization-ready
   * trail and one detector per region, so exactly one environment per account creates them.
   */
  accountAuditFrom?: string;
  /** Days the trail's CloudWatch Logs copy is kept. */
  trailLogRetentionDays: number;
  /** Days the trail's log files are kept in the audit bucket; 0 keeps them forever. */
  trailFileRetentionDays: number;
  guardDuty: GuardDutySettings;
}

/**
 * Weekly windows are `ddd:hh24:mi-ddd:hh24:mi` (UTC, e.g. sun:03:00-sun:04:00), daily ones
 * `hh24:mi-hh24:mi` (UTC). MSK and EKS take no maintenance window (AWS patches them in place).
 */
export interface MaintenanceWindows {
  /** Aurora weekly maintenance (`preferred_maintenance_window`), at least 30 minutes. */
  database: string;
  /** Aurora daily backup (`preferred_backup_window`), at least 30 minutes, not overlapping `database`. */
  databaseBackup: string;
  /** ElastiCache weekly maintenance (`maintenance_window`), at least 60 minutes. */
  cache: string;
  /** ElastiCache daily snapshot (`snapshot_window`), at least 60 minutes, not overlapping `cache`. */
  cacheSnapshot: string;
}

/** CloudWatch alarm thresholds of the managed services (CPU and memory come from `alerts`). */
export interface ManagedServiceAlarms {
  /** Aurora connections to the cluster above this alarm. */
  databaseConnections: number;
  /** Aurora replica lag (AuroraReplicaLagMaximum, milliseconds) above this alarm. */
  databaseReplicaLagMs: number;
  /** Aurora instance local storage (FreeLocalStorage) below this many GiB alarms. */
  databaseFreeLocalStorageGiB: number;
  /** Redis keys evicted per node in 5 minutes above this alarm. */
  cacheEvictions: number;
  /** Packets a NAT gateway dropped in 5 minutes above this alarm (ErrorPortAllocation alarms on any). */
  natPacketsDropped: number;
  /** 5xx responses of the environment's load balancers (ELB and targets) in 5 minutes above this alarm. */
  loadBalancer5xx: number;
}

export type AlertReceiverType = 'slack' | 'pagerduty' | 'webhook';

/**
 * A notification channel. Its credential (Slack webhook URL, PagerDuty Events v2 routing key, webhook
 * URL) lives in the Secrets Manager secret naming.alertReceiverSecret(env, name), which Terraform
 * creates empty and a person fills out of band; Git never holds the value.
 */
export interface AlertReceiver {
  /** Receiver name (DNS label); `alert-topic` (the SNS topic) and `null` are built in. */
  name: string;
  type: AlertReceiverType;
}

export interface SeverityRoute {
  severity: 'critical' | 'warning';
  /** Receiver names: `alert-topic` or receivers declared in `alerting.receivers`. */
  receivers: string[];
}

export interface AlertRoute extends SeverityRoute {
  /** Team as in the service definitions (`team`); the platform team also gets alerts without a team. */
  team: string;
}

export interface Alerting {
  /** Team that owns alerts carrying no `team` label (the platform's own: nodes, add-ons, CloudWatch). */
  platformTeam: string;
  receivers: AlertReceiver[];
  /** Where a team's alerts go, by severity. */
  routes: AlertRoute[];
  /**
   * Where alerts go of a team that has no route of its own (a team whose first service was just
   * added): every team always has a route. Severities without any route go to `alert-topic`.
   */
  defaultRoutes: SeverityRoute[];
  /** Receiver of the always-firing Watchdog alert: a dead man's switch that pages when it stops arriving. */
  watchdogReceiver: string;
}

export interface Operations {
  audit: Audit;
  maintenance: MaintenanceWindows;
  alarms: ManagedServiceAlarms;
  alerting: Alerting;
}

/** The receiver every environment has: the SNS alert topic (e-mail subscription, CloudWatch, Budgets). */
export const ALERT_TOPIC_RECEIVER = 'alert-topic';
/** The receiver that drops what it gets. */
export const NULL_RECEIVER = 'null';
