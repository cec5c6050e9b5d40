/** JSON Schema for `Operations` (operations.ts), typed so that the compiler keeps the two in step. */
import type { JSONSchemaType } from 'ajv';
import type { Operations } from './operations.js';
import { PATTERNS } from './patterns.js';
import { int, logRetention, str } from './schema-parts.js';

const receiverName = str(PATTERNS.dnsLabel);

export const operationsSchema: JSONSchemaType<Operations> = {
  type: 'object',
  additionalProperties: false,
  required: ['audit', 'maintenance', 'alarms', 'alerting'],
  properties: {
    audit: {
      type: 'object',
      additionalProperties: false,
      required: ['trailLogRetentionDays', 'trailFileRetentionDays', 'guardDuty'],
      properties: {
        accountAuditFrom: { type: 'string', pattern: PATTERNS.dnsLabel.pattern, nullable: true },
        trailLogRetentionDays: logRetention,
        trailFileRetentionDays: int(0),
        guardDuty: {
          type: 'object',
          additionalProperties: false,
          required: ['eksAuditLogs', 'eksRuntimeMonitoring', 'findingPublishingFrequency'],
          properties: {
            eksAuditLogs: { type: 'boolean' },
            eksRuntimeMonitoring: { type: 'boolean' },
            findingPublishingFrequency: { type: 'string', enum: ['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS'] },
          },
        },
      },
    },
    maintenance: {
      type: 'object',
      additionalProperties: false,
      required: ['database', 'databaseBackup', 'cache', 'cacheSnapshot'],
      properties: {
        database: str(PATTERNS.weeklyWindow),
        databaseBackup: str(PATTERNS.dailyWindow),
        cache: str(PATTERNS.weeklyWindow),
        cacheSnapshot: str(PATTERNS.dailyWindow),
      },
    },
    alarms: {
      type: 'object',
      additionalProperties: false,
      required: ['databaseConnections', 'databaseReplicaLagMs', 'databaseFreeLocalStorageGiB', 'cacheEvictions', 'natPacketsDropped', 'loadBalancer5xx'],
      properties: {
        databaseConnections: int(1),
        databaseReplicaLagMs: int(1),
        databaseFreeLocalStorageGiB: int(1),
        cacheEvictions: int(0),
        natPacketsDropped: int(0),
        loadBalancer5xx: int(0),
      },
    },
    alerting: {
      type: 'object',
      additionalProperties: false,
      required: ['platformTeam', 'receivers', 'routes', 'defaultRoutes', 'watchdogReceiver'],
      properties: {
        platformTeam: str(PATTERNS.labelName),
        receivers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'type'],
            properties: {
              name: receiverName,
              type: { type: 'string', enum: ['slack', 'pagerduty', 'webhook'] },
            },
          },
        },
        routes: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['team', 'severity', 'receivers'],
            properties: {
              team: str(PATTERNS.labelName),
              severity: { type: 'string', enum: ['critical', 'warning'] },
              receivers: { type: 'array', minItems: 1, items: receiverName },
            },
          },
        },
        defaultRoutes: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['severity', 'receivers'],
            properties: {
              severity: { type: 'string', enum: ['critical', 'warning'] },
              receivers: { type: 'array', minItems: 1, items: receiverName },
            },
          },
        },
        watchdogReceiver: receiverName,
      },
    },
  },
};
