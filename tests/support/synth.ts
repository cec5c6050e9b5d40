/** In-memory synthesis of the repository (or a modified copy of it) for whole-output tests. */
import { ENV_NAMES, type Environment } from '../../environments/types.js';
import type { GeneratedFile } from '../../generators/document.js';
import { generators } from '../../generators/index.js';
import { loadPlatform } from '../../generators/model/load.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { synthesize } from '../../generators/pipeline.js';
import { renderFile } from '../../generators/render.js';
import type { ServiceDefinition } from '../../services/types.js';
import { realInputs } from './inputs.js';

export interface Edits {
  environment?: (env: Environment) => void;
  service?: (service: ServiceDefinition) => void;
}

/** The repository's model, optionally after editing copies of its inputs (validated like real input). */
export function repositoryModel(edits: Edits = {}): PlatformModel {
  const inputs = realInputs();
  for (const env of inputs.environments) edits.environment?.(env.value);
  for (const service of inputs.services) edits.service?.(service.value);
  return loadPlatform(inputs.environments, inputs.services);
}

export function synthAll(model: PlatformModel): GeneratedFile[] {
  return synthesize(model, generators, { environments: ENV_NAMES });
}

/** Rendered text by path: what `pnpm synth` would write. */
export function rendered(files: readonly GeneratedFile[]): Map<string, string> {
  return new Map(files.map((file) => [file.path, renderFile(file)]));
}

/** Paths created, deleted or changed between two syntheses. */
export function changedPaths(before: readonly GeneratedFile[], after: readonly GeneratedFile[]): string[] {
  const a = rendered(before);
  const b = rendered(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}

/** The objects a generated file holds (YAML documents, or the JSON value). */
export function documentsOf(file: GeneratedFile): unknown[] {
  switch (file.content.format) {
    case 'yaml':
      return file.content.documents;
    case 'json':
      return [file.content.value];
    case 'text':
      return [];
  }
}
