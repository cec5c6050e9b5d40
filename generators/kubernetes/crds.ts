/**
 * Custom resources as cdk8s ApiObjects, typed by the @kubernetes-models packages (the same packages
 * the tests validate against; Karpenter's by hand-written types, see node-pools/karpenter-api.ts),
 * so a misspelt field fails `pnpm typecheck` rather than a sync.
 */
import { ApiObject, type ApiObjectProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ClusterSecretStore';
import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import type { IPassword } from '@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/Password';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { EC2NodeClassManifest, NodePoolManifest } from './node-pools/karpenter-api.js';

/**
 * External Secrets Operator 0.17 and later serve only `external-secrets.io/v1`, which is `v1beta1` promoted
 * unchanged; the Node-20-compatible model package knows the schema under its v1beta1 name.
 */
export const EXTERNAL_SECRETS_API = 'external-secrets.io/v1';
type ExternalSecretsV1<T> = Omit<T, 'apiVersion'> & { apiVersion: typeof EXTERNAL_SECRETS_API };

export type ExternalSecretManifest = ExternalSecretsV1<IExternalSecret>;
export type ClusterSecretStoreManifest = ExternalSecretsV1<IClusterSecretStore>;
export type PasswordGeneratorManifest = IPassword;
export type ServiceMonitorManifest = IServiceMonitor;
export type PrometheusRuleManifest = IPrometheusRule;
export type ClusterIssuerManifest = IClusterIssuer;

type CustomResource =
  | ExternalSecretManifest
  | ClusterSecretStoreManifest
  | PasswordGeneratorManifest
  | ServiceMonitorManifest
  | PrometheusRuleManifest
  | ClusterIssuerManifest
  | NodePoolManifest
  | EC2NodeClassManifest;

export function customResource(scope: Construct, id: string, manifest: CustomResource): ApiObject {
  return new ApiObject(scope, id, manifest as ApiObjectProps);
}
