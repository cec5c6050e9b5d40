/** Every service the platform runs, each paired with the file it is defined in (for error messages). */
import type { ServiceDefinition } from './types.js';
import { apiGateway } from './api-gateway/service.js';
import { dataCollector } from './data-collector/service.js';
import { dataProcessor } from './data-processor/service.js';

export interface ServiceSource {
  file: string;
  definition: ServiceDefinition;
}

export const serviceSources: ServiceSource[] = [
  { file: 'services/api-gateway/service.ts', definition: apiGateway },
  { file: 'services/data-collector/service.ts', definition: dataCollector },
  { file: 'services/data-processor/service.ts', definition: dataProcessor },
];
