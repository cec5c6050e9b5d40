/**
 * Every admission record of an upstream chart, one file per chart (see record.ts). An Application
 * whose chart has no record here fails ADM-001 unless a dated ADM-001 exception names it.
 */
import { alloyRecord } from './alloy.js';
import { argoCdRecord } from './argo-cd.js';
import { atlantisRecord } from './atlantis.js';
import { awsLoadBalancerControllerRecord } from './aws-load-balancer-controller.js';
import { certManagerRecord } from './cert-manager.js';
import { externalDnsRecord } from './external-dns.js';
import { externalSecretsRecord } from './external-secrets.js';
import { karpenterRecord } from './karpenter.js';
import { kyvernoRecord } from './kyverno.js';
import { lokiRecord } from './loki.js';
import { metricsServerRecord } from './metrics-server.js';
import { openTelemetryCollectorRecord } from './opentelemetry-collector.js';
import { prometheusAdapterRecord } from './prometheus-adapter.js';
import type { ChartRecord } from './record.js';
import { tempoRecord } from './tempo.js';
import { veleroRecord } from './velero.js';

export const chartRecords: readonly ChartRecord[] = [
  alloyRecord,
  argoCdRecord,
  atlantisRecord,
  awsLoadBalancerControllerRecord,
  certManagerRecord,
  externalDnsRecord,
  externalSecretsRecord,
  karpenterRecord,
  kyvernoRecord,
  lokiRecord,
  metricsServerRecord,
  openTelemetryCollectorRecord,
  prometheusAdapterRecord,
  tempoRecord,
  veleroRecord,
];
