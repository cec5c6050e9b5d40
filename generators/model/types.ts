/** The resolved model every generator consumes: environments with their services merged in. */
import type { Environment, RateLimit } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';

/** A service as it runs in one environment: defaults ← service's environment entry ← environment override. */
export interface ResolvedService extends Omit<ServiceDefinition, 'environments' | 'rateLimit'> {
  /** The file that declares the service. */
  file: string;
  imageTag: string;
  rateLimit: RateLimit | null;
}

export interface ResolvedEnvironment extends Omit<Environment, 'services'> {
  name: string;
  /** The file that declares the environment. */
  file: string;
  /** Services sorted by name. */
  services: ResolvedService[];
}

export interface PlatformModel {
  /** In promotion order (generators/model/promotion.ts: first stage, then what promotes from it; siblings by name), whatever the input order. */
  environments: ResolvedEnvironment[];
}
