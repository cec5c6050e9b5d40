/**
 * The configuration keys Alertmanager v0.28.1 parses (the image kube-prometheus-stack 72.6.2 runs),
 * per block of the file, read from github.com/prometheus/alertmanager at tag v0.28.1:
 * config/config.go (Config, GlobalConfig, Route, InhibitRule, Receiver) and config/notifiers.go
 * (SNSConfig, SlackConfig, PagerdutyConfig, WebhookConfig, each with NotifierConfig's
 * `send_resolved`). Only the blocks the platform writes are recorded. Alertmanager refuses a file
 * with an unknown key, so a key outside this record would stop the configuration from loading;
 * when the chart moves to another Alertmanager, re-read these structs and update the record.
 */
import type { AlertmanagerConfig, Route } from './types.js';

export const ALERTMANAGER_VERSION = 'v0.28.1';

export const SUPPORTED_FIELDS = {
  config: ['global', 'route', 'inhibit_rules', 'receivers', 'templates', 'mute_time_intervals', 'time_intervals'],
  global: ['resolve_timeout', 'http_config', 'slack_api_url', 'slack_api_url_file', 'pagerduty_url'],
  route: ['receiver', 'group_by', 'match', 'match_re', 'matchers', 'mute_time_intervals', 'active_time_intervals', 'continue', 'routes', 'group_wait', 'group_interval', 'repeat_interval'],
  inhibit_rule: ['source_match', 'source_match_re', 'source_matchers', 'target_match', 'target_match_re', 'target_matchers', 'equal'],
  receiver: ['name', 'discord_configs', 'email_configs', 'pagerduty_configs', 'slack_configs', 'webhook_configs', 'opsgenie_configs', 'wechat_configs', 'pushover_configs', 'victorops_configs', 'sns_configs', 'telegram_configs', 'webex_configs', 'msteams_configs', 'msteamsv2_configs', 'jira_configs', 'rocketchat_configs'],
  sns_config: ['send_resolved', 'http_config', 'api_url', 'sigv4', 'topic_arn', 'phone_number', 'target_arn', 'subject', 'message', 'attributes'],
  slack_config: ['send_resolved', 'http_config', 'api_url', 'api_url_file', 'channel', 'username', 'color', 'title', 'title_link', 'pretext', 'text', 'fields', 'short_fields', 'footer', 'fallback', 'callback_id', 'icon_emoji', 'icon_url', 'image_url', 'thumb_url', 'link_names', 'mrkdwn_in', 'actions'],
  pagerduty_config: ['send_resolved', 'http_config', 'service_key', 'service_key_file', 'routing_key', 'routing_key_file', 'url', 'client', 'client_url', 'description', 'details', 'images', 'links', 'source', 'severity', 'class', 'component', 'group'],
  webhook_config: ['send_resolved', 'http_config', 'url', 'url_file', 'max_alerts', 'timeout'],
} as const;

const NOTIFIER_BLOCKS = { sns_configs: 'sns_config', slack_configs: 'slack_config', pagerduty_configs: 'pagerduty_config', webhook_configs: 'webhook_config' } as const;

/** Paths of the keys in a configuration that Alertmanager ALERTMANAGER_VERSION does not parse (empty when it loads). */
export function unsupportedKeys(config: AlertmanagerConfig): string[] {
  const unknown: string[] = [];
  const check = (value: object, block: keyof typeof SUPPORTED_FIELDS, path: string) => {
    for (const key of Object.keys(value)) if (!(SUPPORTED_FIELDS[block] as readonly string[]).includes(key)) unknown.push(path ? `${path}.${key}` : key);
  };
  const walkRoute = (route: Route, path: string) => {
    check(route, 'route', path);
    (route.routes ?? []).forEach((child, i) => walkRoute(child, `${path}.routes[${i}]`));
  };
  check(config, 'config', '');
  check(config.global, 'global', 'global');
  walkRoute(config.route, 'route');
  config.inhibit_rules.forEach((rule, i) => check(rule, 'inhibit_rule', `inhibit_rules[${i}]`));
  config.receivers.forEach((receiver, i) => {
    check(receiver, 'receiver', `receivers[${i}]`);
    for (const [field, block] of Object.entries(NOTIFIER_BLOCKS)) {
      ((receiver as unknown as Record<string, object[] | undefined>)[field] ?? []).forEach((entry, j) => check(entry, block, `receivers[${i}].${field}[${j}]`));
    }
  });
  return unknown;
}
