/** The resolved model every generator consumes: environments with their services merged in. */
import type { Environment, EnvName, RateLimit, ReplicaBounds, Resources } from '../../environments/types.js';
import type { Autoscaling, Dependencies, Probes, Route, ServiceKind } from '../../services/types.js';

/** A service as it runs in one environment: defaults ← service's environment entry ← environment override. */
export interface ResolvedService {
  name: string;
  team: string;
  description: string;
  kind: ServiceKind;
  /** The file that declares the service. */
  file: string;
  imageTag: string;
  port: number;
  probes: Probes;
  resources: Resources;
  replicas: ReplicaBounds;
  autoscaling: Autoscaling;
  minAvailable: number;
  routes: Route[];
  rateLimit: RateLimit | null;
  dependencies: Dependencies;
  config: Record<string, string>;
}

export interface ResolvedEnvironment extends Omit<Environment, 'services'> {
  name: EnvName;
  /** The file that declares the environment. */
  file: string;
  /** Services sorted by name. */
  services: ResolvedService[];
}

export interface PlatformModel {
  /** In the canonical environment order (dev, staging, prod), whatever the input order. */
  environments: ResolvedEnvironment[];
}
