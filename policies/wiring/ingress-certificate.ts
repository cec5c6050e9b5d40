/**
 * WIRE-001: every Ingress host has a certificate. On the AWS load balancer (class alb) that is an
 * ACM certificate of the environment's Terraform whose domain or SAN covers the host (exact, or a
 * one-label wildcard): the controller finds it by host name, or the certificate-arn annotation
 * names it. For other Ingress classes, a cert-manager Certificate covering the host that writes the
 * TLS secret the Ingress lists, or the ingress-shim annotation (cert-manager.io/(cluster-)issuer).
 */
import type { Finding, Rule } from '../engine/types.js';
import { at, list, str, strings } from '../engine/values.js';
import { ingressHosts, nameCovers } from './ingress-hosts.js';

const CERT_ARN = 'alb.ingress.kubernetes.io/certificate-arn';
const ISSUER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'];

export const ingressCertificate: Rule = {
  id: 'WIRE-001',
  severity: 'error',
  area: 'wiring',
  title: 'Every Ingress host has a certificate',
  checks:
    'For each host of a rendered Ingress or of a chart Ingress enabled in values: class alb needs an ACM certificate in the environment\'s Terraform whose domain_name or subject_alternative_names covers the host (exact or one-label wildcard); other classes need a cert-manager Certificate with the host in dnsNames writing a TLS secret the Ingress lists, or the cert-manager ingress-shim annotation with a TLS entry.',
  why: 'Without a certificate the HTTPS listener cannot be created (the ALB controller fails to reconcile and the Ingress never gets an address) or browsers reject the host.',
  fix: 'Issue a certificate for the host in generators/terraform/network.ts (ACM, DNS-validated), or add a cert-manager Certificate for non-ALB classes.',
  check({ kubernetes, terraform }) {
    const acmNames = terraform.resources('aws_acm_certificate').map((c) => ({
      address: c.address,
      names: [...strings(c.attrs.domain_name), ...strings(c.attrs.subject_alternative_names)],
    }));
    const certificates = kubernetes.filter((o) => o.kind === 'Certificate' && o.apiVersion.startsWith('cert-manager.io/'));
    const findings: Finding[] = [];
    for (const h of ingressHosts(kubernetes)) {
      if (h.ingressClass === 'alb') {
        if (acmNames.some((c) => c.names.some((n) => nameCovers(n, h.host)))) continue;
        const named = str(h.annotations[CERT_ARN]);
        findings.push({
          file: h.file,
          resource: h.resource,
          message: named
            ? `host ${h.host}: ${CERT_ARN} names ${named}, but no ACM certificate of this environment's Terraform covers the host`
            : `host ${h.host} has no ACM certificate in this environment's Terraform (domain or SAN covering it); the load balancer controller cannot find one`,
        });
        continue;
      }
      const byCertificate = certificates.some(
        (c) => c.namespace === h.namespace && list(at(c.object, 'spec', 'dnsNames')).some((n) => typeof n === 'string' && nameCovers(n, h.host)) && h.tlsSecrets.includes(str(at(c.object, 'spec', 'secretName')) ?? ''),
      );
      const byShim = ISSUER_ANNOTATIONS.some((a) => typeof h.annotations[a] === 'string') && h.tlsSecrets.length > 0;
      if (!byCertificate && !byShim) {
        findings.push({ file: h.file, resource: h.resource, message: `host ${h.host} has no cert-manager Certificate (dnsNames covering it, writing a TLS secret the Ingress lists) nor an issuer annotation with a TLS entry` });
      }
    }
    return findings;
  },
};
