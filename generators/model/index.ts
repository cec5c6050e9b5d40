export { loadPlatform } from './load.js';
export { ConfigError, formatProblem, type Problem } from './problem.js';
export type { PlatformModel, ResolvedEnvironment, ResolvedService } from './types.js';
export { environmentNames, nextStages, previousStage, promotionOrder, type Stage } from './promotion.js';
