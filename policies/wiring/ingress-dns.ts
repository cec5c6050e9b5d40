/**
 * WIRE-002: every Ingress host resolves. Either the environment's Terraform has a Route 53 record
 * of that name (or a one-label wildcard), or external-dns publishes it: an external-dns release in
 * the environment that watches Ingresses (`sources`), whose domainFilters admit the host, and a
 * Route 53 zone in Terraform that contains the host (public when external-dns is limited to public
 * zones).
 */
import type { TerraformBlock } from '../engine/terraform.js';
import type { Rule } from '../engine/types.js';
import { strings } from '../engine/values.js';
import { ingressHosts, nameCovers } from './ingress-hosts.js';
import { helmReleases, valueOr } from './releases.js';

/** external-dns chart default `sources` (kubernetes-sigs/external-dns charts/external-dns/values.yaml). */
const DEFAULT_SOURCES = ['service', 'ingress'];
const inZone = (zone: string, host: string) => host === zone || host.endsWith(`.${zone}`);

export const ingressDns: Rule = {
  id: 'WIRE-002',
  severity: 'error',
  area: 'wiring',
  title: 'Every Ingress host has a DNS record',
  checks:
    'For each Ingress host (rendered or from chart values): a literal aws_route53_record of that name in the environment\'s Terraform, or an external-dns release with source ingress, domainFilters admitting the host and a Terraform Route 53 zone containing it (public when --aws-zone-type=public).',
  why: 'A host nobody publishes does not resolve: the certificate may be issued and the load balancer healthy, yet no client reaches it.',
  fix: 'Add the host\'s zone to Terraform and let external-dns publish it (domainFilters, sources), or write the record in Terraform.',
  check({ kubernetes, terraform }) {
    const records = terraform.resources('aws_route53_record').flatMap((r) => strings(r.attrs.name));
    const zones = terraform.resources('aws_route53_zone');
    const isPublic = (z: TerraformBlock) => z.attrs.vpc === undefined || (Array.isArray(z.attrs.vpc) && z.attrs.vpc.length === 0);
    const publishers = helmReleases(kubernetes)
      .filter((r) => r.chart === 'external-dns')
      .map((r) => {
        const args = strings(valueOr(r, ['extraArgs'], []));
        return {
          sources: strings(valueOr(r, ['sources'], DEFAULT_SOURCES)),
          filters: strings(valueOr(r, ['domainFilters'], [])),
          publicOnly: args.includes('--aws-zone-type=public'),
          privateOnly: args.includes('--aws-zone-type=private'),
        };
      });
    return ingressHosts(kubernetes).flatMap((h) => {
      if (records.some((name) => nameCovers(name, h.host))) return [];
      const published = publishers.some(
        (p) =>
          p.sources.includes('ingress') &&
          (p.filters.length === 0 || p.filters.some((f) => inZone(f, h.host))) &&
          zones.some((z) => strings(z.attrs.name).some((n) => inZone(n, h.host)) && (!p.publicOnly || isPublic(z)) && (!p.privateOnly || !isPublic(z))),
      );
      if (published) return [];
      const why = publishers.length === 0 ? 'and no external-dns release watches Ingresses' : 'and no external-dns release publishes it (sources, domainFilters, or no Terraform zone contains it)';
      return [{ file: h.file, resource: h.resource, message: `host ${h.host} has no Route 53 record in this environment's Terraform ${why}` }];
    });
  },
};
