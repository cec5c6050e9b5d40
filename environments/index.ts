/** The environments this repository generates, each paired with the file it is defined in (for error messages). */
import type { Environment } from './types.js';
import { dev } from './dev.js';
import { staging } from './staging.js';
import { prod } from './prod.js';

export interface EnvironmentSource {
  file: string;
  config: Environment;
}

export const environmentSources: EnvironmentSource[] = [
  { file: 'environments/dev.ts', config: dev },
  { file: 'environments/staging.ts', config: staging },
  { file: 'environments/prod.ts', config: prod },
];
