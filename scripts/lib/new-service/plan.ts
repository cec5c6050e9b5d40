/**
 * What `pnpm new-service` writes, validated exactly as synth would validate it: the new definition
 * (and, for a route, the gateway with the new service added to its dependencies.calls) goes through
 * loadPlatform with every other source, so a bad name, team, port, route collision, unknown call or
 * bucket is the same one line synth prints. Nothing here touches the file system.
 */
import { PATTERNS } from '../../../environments/patterns.js';
import { promotionOrder } from '../../../generators/model/promotion.js';
import { loadPlatform } from '../../../generators/model/load.js';
import { ConfigError, type Problem } from '../../../generators/model/problem.js';
import type { Sourced } from '../../../generators/model/service-checks.js';
import type { ServiceDefinition } from '../../../services/types.js';
import { UsageError } from '../cli.js';
import { appendString, applyEdits, defineServiceObject, parseSource } from '../source-edit/literal-edit.js';
import { newServiceDefinition, type NewServiceAnswers } from './definition.js';
import { parseNeeds } from './needs.js';
import { serviceSource } from './template.js';

export interface NewServiceInput extends NewServiceAnswers {
  needs: string[];
}

export interface NewServicePlan {
  file: string;
  definition: ServiceDefinition;
  /** Every file written, by repository-relative path: the new service, and the gateway when it routes. */
  files: Map<string, string>;
  gateway?: string;
}

export const serviceFile = (name: string) => `services/${name}/service.ts`;

/** `exists`: whether a repository-relative path exists; `readSource` reads a source. */
export function planNewService(
  input: NewServiceInput,
  sources: { environments: Sourced<unknown>[]; services: Sourced<unknown>[] },
  exists: (path: string) => boolean,
  readSource: (file: string) => string,
): NewServicePlan {
  const file = serviceFile(input.name);
  const validName = new RegExp(PATTERNS.dnsLabel.pattern).test(input.name);
  if (validName && exists(`services/${input.name}`)) {
    const existing = sources.services.find((s) => s.file === file)?.value as Partial<ServiceDefinition> | undefined;
    const what = existing ? ` (team ${existing.team}, port ${existing.port}${existing.routes?.length ? `, routes ${existing.routes.map((r) => r.pathPrefix).join(' ')}` : ''})` : '';
    throw new UsageError(`${file}: already exists${what}; edit it instead, or choose another name. Nothing was written.`);
  }
  const services = sources.services as Sourced<ServiceDefinition>[];
  const produced = new Set(services.flatMap((s) => s.value.dependencies?.topics?.filter((t) => t.access === 'produce').map((t) => t.name) ?? []));
  const { dependencies, problems } = parseNeeds(file, input.needs, produced);
  // In promotion order (dev → staging → prod), as a person lists them.
  const environments = promotionOrder(sources.environments.map((e) => e.value as { name: string; promotesFrom: string | null })).map((e) => e.name);
  const definition = newServiceDefinition(input, dependencies, environments);

  const files = new Map<string, string>();
  let gatewayFile: string | undefined;
  let candidates = services;
  // An invalid name is reported once, on the new file, not again through the gateway's calls.
  if (definition.routes.length > 0 && validName) {
    const gateways = services.filter((s) => s.value.kind === 'gateway');
    if (gateways.length !== 1) {
      problems.push({ file, path: 'routes', message: `--route: expected one gateway service to route through, found ${gateways.length}${gateways.length ? ` (${gateways.map((g) => g.value.name).join(', ')}); add the service to one's dependencies.calls by hand` : ''}` });
    } else {
      const gateway = gateways[0]!;
      gatewayFile = gateway.file;
      const parsed = parseSource(gateway.file, readSource(gateway.file));
      files.set(gateway.file, applyEdits(parsed.text, [appendString(parsed, defineServiceObject(parsed), ['dependencies', 'calls'], input.name)]));
      const routed = { ...gateway.value, dependencies: { ...gateway.value.dependencies, calls: [...gateway.value.dependencies.calls, input.name] } };
      candidates = services.map((s) => (s === gateway ? { file: s.file, value: routed } : s));
    }
  }
  try {
    loadPlatform(sources.environments, [...candidates, { file, value: definition }]);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0) throw new ConfigError(unique(problems));
  files.set(file, serviceSource(definition));
  return { file, definition, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), ...(gatewayFile ? { gateway: gatewayFile } : {}) };
}

const unique = (problems: Problem[]) => [...new Map(problems.map((p) => [`${p.file}\0${p.path}\0${p.message}`, p])).values()];
