/** What the gateway routes: every path prefix declared by a service the gateway calls. */
import { byKey } from '../../../sort.js';
import { findService, type ServiceContext } from '../context.js';

export interface GatewayRoute {
  pathPrefix: string;
  service: string;
}

/** Sorted by path; a longer prefix wins in nginx regardless of order. */
export function gatewayRoutes(ctx: ServiceContext): GatewayRoute[] {
  return ctx.service.dependencies.calls
    .flatMap((callee) => findService(ctx, callee).routes.map((route) => ({ pathPrefix: route.pathPrefix, service: callee })))
    .sort(byKey((r) => r.pathPrefix));
}
