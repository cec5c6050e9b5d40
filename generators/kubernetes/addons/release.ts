/**
 * Shared shape of the add-on modules: each is an upstream chart from environments/versions.ts at
 * the environment's pinned version (`addons`), with values typed by a small interface describing
 * just the part of the chart's values.yaml it sets.
 */
import type { AddonName } from '../../../environments/types.js';
import { charts } from '../../../environments/versions.js';
import type { HelmRelease } from '../../cluster-apps.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { AWS_IDENTITIES, naming, type AwsIdentity } from '../../naming.js';
import { irsaAnnotations } from '../irsa.js';

export interface ReleaseOptions {
  namespace: string;
  dependsOn: string[];
  /** Charts with large CRDs (over the 256 KiB last-applied annotation) need server-side apply. */
  serverSideApply?: boolean;
}

export function addonRelease<Values extends object>(env: ResolvedEnvironment, name: AddonName, options: ReleaseOptions, values: Values): HelmRelease {
  return {
    name,
    namespace: options.namespace,
    project: naming.argocdPlatformProject,
    chart: charts[name],
    version: env.addons[name],
    values: values as Record<string, unknown>,
    dependsOn: [...options.dependsOn].sort(),
    serverSideApply: options.serverSideApply ?? false,
  };
}

export interface ResourceValues {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export function resources(cpuRequest: string, memoryRequest: string, cpuLimit: string, memoryLimit: string): ResourceValues {
  return { requests: { cpu: cpuRequest, memory: memoryRequest }, limits: { cpu: cpuLimit, memory: memoryLimit } };
}

export interface ServiceAccountValues {
  create: boolean;
  name: string;
  annotations: Record<string, string>;
}

/** The service account Terraform's IRSA role trusts (naming.AWS_IDENTITIES), annotated with that role. */
export function irsaServiceAccount(env: ResolvedEnvironment, identity: AwsIdentity): ServiceAccountValues {
  return {
    create: true,
    name: AWS_IDENTITIES[identity].serviceAccount,
    annotations: irsaAnnotations(env, identity),
  };
}

/** Replicas of a controller: two where the environment spans three zones (staging, prod), else one. */
export function controllerReplicas(env: ResolvedEnvironment): number {
  return env.aws.availabilityZones.length >= 3 ? 2 : 1;
}

/** Retention of short-lived telemetry (metrics, traces): the log retention, at most 30 days. */
export function telemetryRetentionDays(env: ResolvedEnvironment): number {
  return Math.min(env.logRetentionDays, 30);
}
