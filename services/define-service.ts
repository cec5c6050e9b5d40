import type { ServiceDefinition } from './types.js';

/**
 * Declares a service. An identity function that exists for its type: editors complete every field
 * and the compiler rejects a missing environment. Validation happens when synth loads it.
 */
export function defineService(definition: ServiceDefinition): ServiceDefinition {
  return definition;
}
