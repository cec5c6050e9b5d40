/** The cert-manager-issuers app: Let's Encrypt over DNS-01 in the environment's public zone. */
import { describe, expect, it } from 'vitest';
import { issuerManifests } from './issuers.js';
import { environmentWith } from './test-fixtures.js';

const labels = {
  'app.kubernetes.io/component': 'certificate-issuers',
  'app.kubernetes.io/instance': 'cert-manager-issuers',
  'app.kubernetes.io/managed-by': 'cdk8s',
  'app.kubernetes.io/name': 'cert-manager-issuers',
  'app.kubernetes.io/part-of': 'platform',
};

describe('cert-manager-issuers', () => {
  const dev = issuerManifests(environmentWith([]));

  it('issues from Let\'s Encrypt with DNS-01 through Route 53 in the public zone, as cert-manager\'s own IRSA identity', () => {
    expect(dev.find((m) => m.metadata.name === 'letsencrypt')).toStrictEqual({
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt', labels },
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          email: 'platform-dev-alerts@acme.example',
          privateKeySecretRef: { name: 'letsencrypt-account-key' },
          solvers: [{ selector: { dnsZones: ['dev.platform.acme.example'] }, dns01: { route53: { region: 'eu-west-1' } } }],
        },
      },
    });
  });

  it('adds the staging endpoint outside production only', () => {
    const staging = dev.find((m) => m.metadata.name === 'letsencrypt-staging') as any;
    expect(staging.spec.acme.server).toBe('https://acme-staging-v02.api.letsencrypt.org/directory');
    expect(staging.spec.acme.privateKeySecretRef).toStrictEqual({ name: 'letsencrypt-staging-account-key' });
    const inProd = issuerManifests(environmentWith([], { name: 'prod', tier: 'production' }));
    expect(inProd.filter((m) => m.kind === 'ClusterIssuer').map((m) => m.metadata.name)).toStrictEqual(['letsencrypt']);
  });

  it("lets only cert-manager's controller query the zone's name servers (DNS) outside the cluster", () => {
    expect(dev.find((m) => m.kind === 'NetworkPolicy')).toStrictEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-acme-dns-check', namespace: 'platform-system', labels },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cert-manager', 'app.kubernetes.io/component': 'controller' } },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    });
  });
});
