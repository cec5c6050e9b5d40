/**
 * The subset of Alertmanager's configuration file the platform writes, typed after Alertmanager
 * v0.28.1 (kube-prometheus-stack 72.6.2's image; config/config.go and config/notifiers.go at that
 * tag). Credentials are only ever `*_file` paths into a mounted Secret: never values.
 */
export interface Route {
  receiver?: string;
  matchers?: string[];
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  continue?: boolean;
  routes?: Route[];
}

export interface InhibitRule {
  source_matchers: string[];
  target_matchers: string[];
  equal: string[];
}

export interface SnsConfig {
  topic_arn: string;
  sigv4: { region: string };
  subject: string;
  message: string;
  attributes: Record<string, string>;
}

export interface SlackConfig {
  api_url_file: string;
  send_resolved: boolean;
  title: string;
  text: string;
}

export interface PagerdutyConfig {
  routing_key_file: string;
  send_resolved: boolean;
  severity: string;
  description: string;
}

export interface WebhookConfig {
  url_file: string;
  send_resolved: boolean;
}

export interface Receiver {
  name: string;
  sns_configs?: SnsConfig[];
  slack_configs?: SlackConfig[];
  pagerduty_configs?: PagerdutyConfig[];
  webhook_configs?: WebhookConfig[];
}

export interface AlertmanagerConfig {
  global: { resolve_timeout: string };
  route: Route;
  inhibit_rules: InhibitRule[];
  receivers: Receiver[];
}
