/** What every part of a service app needs to know: the environment, the service, and its names and labels. */
import type { ResolvedEnvironment, ResolvedService } from '../../model/types.js';
import { naming } from '../../naming.js';
import { selectorLabels } from '../labels.js';

/** Every service's Service listens on this port and forwards to the container's `port`. */
export const SERVICE_PORT = 80;
export const HTTP_PORT_NAME = 'http';

export interface ServiceContext {
  env: ResolvedEnvironment;
  service: ResolvedService;
  namespace: string;
  /** Labels the service's pods are selected by. */
  selector: Record<string, string>;
}

export function serviceContext(env: ResolvedEnvironment, service: ResolvedService): ServiceContext {
  return { env, service, namespace: naming.serviceAccount(service.name).namespace, selector: selectorLabels(service.name) };
}

/** In-cluster URL of a service's HTTP port. */
export function serviceUrl(service: string): string {
  return `http://${service}.${naming.serviceAccount(service).namespace}.svc.cluster.local:${SERVICE_PORT}`;
}

/** Services whose declared `calls` include this one. */
export function callersOf(ctx: ServiceContext): string[] {
  return ctx.env.services.filter((other) => other.dependencies.calls.includes(ctx.service.name)).map((other) => other.name);
}

export function findService(ctx: ServiceContext, name: string): ResolvedService {
  const found = ctx.env.services.find((s) => s.name === name);
  if (!found) throw new Error(`${ctx.service.name} calls ${name}, which ${ctx.env.file} does not run`);
  return found;
}
