/**
 * The text of `services/<name>/service.ts` for a definition: the layout of the existing services,
 * with a comment on every field saying what it means and what to change. Pure; deterministic.
 */
import type { ServiceDefinition } from '../../../services/types.js';
import { propertyKey, quote } from '../source-edit/literal-edit.js';

/** A TypeScript literal on one line, as the repository writes them: `{ a: 'x', b: 2 }`, `['a', 'b']`. */
export function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`).join(', ')} }`;
}

/** `report-builder` → `reportBuilder`. */
export const exportName = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function serviceSource(service: ServiceDefinition): string {
  const d = service.dependencies;
  return [
    "import { defineService } from '../define-service.js';",
    '',
    `/** The ${service.name} service, written by \`pnpm new-service\`: every value below is a default to adjust. */`,
    `export const ${exportName(service.name)} = defineService({`,
    `  name: ${literal(service.name)},`,
    '  // Owning team (GitHub team slug without the org): its Argo CD project, CODEOWNERS and alert routing.',
    `  team: ${literal(service.team)},`,
    '  // One sentence for the catalog and the Argo CD application: what the service does.',
    `  description: ${literal(service.description)},`,
    "  // 'api': serves routes through the gateway; 'worker': no routes (consumes topics, runs jobs).",
    `  kind: ${literal(service.kind)},`,
    '  // The container port: HTTP, probes and metrics.',
    `  port: ${literal(service.port)},`,
    '  // The image must answer these on `port`: started once, ready for traffic, still alive.',
    `  probes: ${literal(service.probes)},`,
    '  // Per pod: requests are reserved by the scheduler, limits are the ceiling (environments may override).',
    `  resources: ${literal(service.resources)},`,
    '  // Autoscaling bounds (an environment may override them, e.g. fewer pods in dev).',
    `  replicas: ${literal(service.replicas)},`,
    '  // Scale out above this CPU use, and above this request rate per pod (0: CPU only).',
    `  autoscaling: ${literal(service.autoscaling)},`,
    '  // PodDisruptionBudget: pods that stay up while nodes are drained.',
    `  minAvailable: ${literal(service.minAvailable)},`,
    '  // What the image exports for Prometheus on `port`: alerts and autoscaling may query only these families.',
    '  metrics: {',
    `    port: ${literal(service.metrics.port)},`,
    `    path: ${literal(service.metrics.path)},`,
    '    families: [',
    ...service.metrics.families.map((family) => `      ${literal(family)},`),
    '    ],',
    '  },',
    "  // Path prefixes the API gateway routes here (the gateway lists this service in its dependencies.calls).",
    `  routes: ${literal(service.routes)},`,
    '  dependencies: {',
    "    // Aurora PostgreSQL: 'none', 'read' or 'readwrite' (its user is created once per environment after the apply).",
    `    database: ${literal(d.database)},`,
    '    // ElastiCache Redis.',
    `    cache: ${literal(d.cache)},`,
    '    // Kafka topics: the producer declares the partitions (consumers may scale to at most that many pods).',
    `    topics: ${literal(d.topics)},`,
    "    // Data-lake buckets (names from the environments' dataLake.buckets) and the access it needs.",
    `    buckets: ${literal(d.buckets)},`,
    '    // Secrets Manager secrets it owns (values are set out of band, never in Git).',
    `    secrets: ${literal(d.secrets)},`,
    '    // Services it calls over HTTP.',
    `    calls: ${literal(d.calls)},`,
    '  },',
    '  // Environment variables (no credentials here: name those in dependencies.secrets).',
    `  config: ${literal(service.config)},`,
    '  // The image tag per environment (and optional overrides); `pnpm promote` copies tags along the promotion order.',
    '  environments: {',
    ...Object.entries(service.environments).map(([env, settings]) => `    ${propertyKey(env)}: ${literal(settings)},`),
    '  },',
    '});',
    '',
  ].join('\n');
}
