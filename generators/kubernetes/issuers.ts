/**
 * The `cert-manager-issuers` app: Let's Encrypt ClusterIssuers that answer ACME DNS-01 challenges
 * in the environment's public Route 53 zone. They use ambient credentials, i.e. cert-manager's own
 * IRSA role (cluster issuers may by default), which may write only `_acme-challenge` TXT records in
 * that zone. The zone is found by name (route53:ListHostedZonesByName), since its id exists only once
 * Terraform has applied. Environments other than production also get Let's Encrypt's staging
 * endpoint, to try Certificates out without spending the production rate limits.
 */
import type { ResolvedEnvironment } from '../model/types.js';
import { AWS_IDENTITIES, naming } from '../naming.js';
import { isProduction } from '../production.js';
import { chartManifests, newChart, type Manifest } from './chart.js';
import { customResource, type ClusterIssuerManifest } from './crds.js';
import { standardLabels } from './labels.js';
import { ANYWHERE, networkPolicy, tcp, udp } from './network-policy.js';

export const ISSUERS_APP = 'cert-manager-issuers';

const ACME_SERVERS: Record<keyof typeof naming.clusterIssuers, string> = {
  letsEncrypt: 'https://acme-v02.api.letsencrypt.org/directory',
  letsEncryptStaging: 'https://acme-staging-v02.api.letsencrypt.org/directory',
};

/** Labels the cert-manager chart puts on its controller pods (the ones that solve challenges). */
const CONTROLLER_PODS = { 'app.kubernetes.io/name': 'cert-manager', 'app.kubernetes.io/component': 'controller' };

export function clusterIssuer(env: ResolvedEnvironment, issuer: keyof typeof naming.clusterIssuers): ClusterIssuerManifest {
  const name = naming.clusterIssuers[issuer];
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name },
    spec: {
      acme: {
        server: ACME_SERVERS[issuer],
        email: env.owners.alertEmail,
        // The ACME account key: cert-manager generates it and keeps it in this Secret (never in Git).
        privateKeySecretRef: { name: `${name}-account-key` },
        solvers: [{ selector: { dnsZones: [env.domain] }, dns01: { route53: { region: env.aws.region } } }],
      },
    },
  };
}

export function issuerManifests(env: ResolvedEnvironment): Manifest[] {
  const chart = newChart(ISSUERS_APP, standardLabels(ISSUERS_APP, 'certificate-issuers'));
  customResource(chart, 'letsencrypt', clusterIssuer(env, 'letsEncrypt'));
  if (!isProduction(env)) customResource(chart, 'letsencrypt-staging', clusterIssuer(env, 'letsEncryptStaging'));
  // Before asking Let's Encrypt to validate, the controller checks the challenge record at the zone's
  // authoritative name servers, outside the cluster; the namespace otherwise reaches only the cluster DNS.
  networkPolicy(chart, 'network-policy-acme-dns-check', {
    name: 'allow-acme-dns-check',
    namespace: AWS_IDENTITIES['cert-manager'].namespace,
    pods: CONTROLLER_PODS,
    egress: [{ to: [ANYWHERE], ports: [...udp(53), ...tcp(53)] }],
  });
  return chartManifests(chart);
}
