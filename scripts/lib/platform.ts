/** Loads the repository's environments and services into the validated, resolved model. */
import { environmentSources } from '../../environments/index.js';
import { loadPlatform } from '../../generators/model/load.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { serviceSources } from '../../services/index.js';

export function loadRepositoryModel(): PlatformModel {
  return loadPlatform(
    environmentSources.map((e) => ({ file: e.file, value: e.config })),
    serviceSources.map((s) => ({ file: s.file, value: s.definition })),
  );
}
