/** Which environment is production: its Atlantis projects and its output's owners are stricter. */
import type { EnvName } from '../environments/types.js';

export const PRODUCTION: EnvName = 'prod';
