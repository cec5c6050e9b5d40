/** In-memory synthesis of the repository (or a modified copy of it) for whole-output tests. */
import type { Environment } from '../../environments/types.js';
import type { GeneratedFile } from '../../generators/document.js';
import { loadPlatform } from '../../generators/model/load.js';
import type { PlatformModel } from '../../generators/model/types.js';
import { renderFile } from '../../generators/render.js';
import type { ServiceDefinition } from '../../services/types.js';
import { type Inputs, realInputs } from './inputs.js';
import { synthesizeStepwise } from './stepwise-synthesis.js';

export interface Edits {
  /** Runs first, on the whole input (e.g. to add a service). */
  inputs?: (inputs: Inputs) => void;
  environment?: (env: Environment) => void;
  service?: (service: ServiceDefinition) => void;
}

/** The repository's model, optionally after editing copies of its inputs (validated like real input). */
export function repositoryModel(edits: Edits = {}): PlatformModel {
  const inputs = realInputs();
  edits.inputs?.(inputs);
  for (const env of inputs.environments) edits.environment?.(env.value);
  for (const service of inputs.services) edits.service?.(service.value);
  return loadPlatform(inputs.environments, inputs.services);
}

/** Every file of every environment, synthesized stepwise (see stepwise-synthesis.ts). */
export function synthAll(model: PlatformModel): Promise<GeneratedFile[]> {
  return synthesizeStepwise(model);
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
    case 'markdown':
      return [];
  }
}
