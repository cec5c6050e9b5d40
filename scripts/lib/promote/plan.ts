/**
 * What `pnpm promote` changes, computed from the loaded model and the sources' text: for each chosen
 * service whose image tag in the target environment differs from the source environment's, one
 * edit of `environments.<to>.imageTag` in `services/<name>/service.ts`; with `charts`, for each add-on
 * whose chart version differs, one edit of `addons` in the target environment's file (the override
 * is removed when the source environment runs the shared default of environments/versions.ts).
 * Pure: no file system; the edits are precise TypeScript-AST spans (source-edit/literal-edit.ts).
 */
import { ADDON_NAMES } from '../../../environments/types.js';
import { chartVersions } from '../../../environments/versions.js';
import type { PlatformModel, ResolvedEnvironment } from '../../../generators/model/types.js';
import { compareStrings } from '../../../generators/sort.js';
import { UsageError } from '../cli.js';
import { applyEdits, defineServiceObject, LiteralEditError, parseSource, removeProperty, replaceString, setStringProperty, stringAt, type ParsedSource, type TextEdit } from '../source-edit/literal-edit.js';
import { environmentObject } from '../source-edit/environment-object.js';
import { previousEnvironment, stagesBetween } from './promotion-order.js';

export interface PromotionRequest {
  /** Service names, or 'all'; an empty list promotes no image (charts only). */
  services: readonly string[] | 'all';
  to: string;
  /** Default: the previous environment in the promotion order. */
  from?: string | undefined;
  charts: boolean;
  force: boolean;
}

export interface PromotedValue {
  file: string;
  /** Field path in that file, e.g. `environments.prod.imageTag` or `addons.kyverno`. */
  field: string;
  before: string;
  after: string;
}

export interface PromotionPlan {
  from: string;
  to: string;
  changes: PromotedValue[];
  /** The new text of every file that changes, by repository-relative path. */
  files: Map<string, string>;
}

function environmentByName(model: PlatformModel, name: string, flag: string): ResolvedEnvironment {
  const env = model.environments.find((e) => e.name === name);
  if (!env) throw new UsageError(`${flag}: no environment "${name}"; expected one of ${model.environments.map((e) => e.name).join(', ')}`);
  return env;
}

function sourceEnvironment(model: PlatformModel, request: PromotionRequest): ResolvedEnvironment {
  const to = environmentByName(model, request.to, '--to');
  const previous = previousEnvironment(model.environments, to.name);
  if (request.from === undefined) {
    if (!previous) throw new UsageError(`--to: ${to.name} is the first environment of the promotion order (${model.environments.map((e) => e.name).join(' → ')}); nothing comes before it`);
    return previous;
  }
  const from = environmentByName(model, request.from, '--from');
  const skipped = stagesBetween(model.environments, from.name, to.name);
  if (skipped === undefined) throw new UsageError(`--from: ${from.name} does not come before ${to.name} in the promotion order (${model.environments.map((e) => e.name).join(' → ')})`);
  if (previous && skipped.length > 0 && !request.force) {
    throw new UsageError(`--from ${from.name} --to ${to.name} skips ${skipped.join(', ')}; promote through ${previous.name} first, or add --force`);
  }
  return from;
}

function chosenServices(model: PlatformModel, request: PromotionRequest): string[] {
  const known = model.environments[0]?.services.map((s) => s.name) ?? [];
  if (request.services === 'all') return known;
  const unknown = request.services.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`no service named ${unknown.map((n) => `"${n}"`).join(', ')}; expected one of ${known.join(', ')}`);
  return [...new Set(request.services)].sort(compareStrings);
}

export function planPromotion(model: PlatformModel, readSource: (file: string) => string, request: PromotionRequest): PromotionPlan {
  const from = sourceEnvironment(model, request);
  const to = environmentByName(model, request.to, '--to');
  const parsed = new Map<string, ParsedSource>();
  const parse = (file: string) => parsed.get(file) ?? parsed.set(file, parseSource(file, readSource(file))).get(file)!;
  const edits = new Map<string, TextEdit[]>();
  const changes: PromotedValue[] = [];
  const add = (file: string, edit: TextEdit, change: Omit<PromotedValue, 'file'>) => {
    edits.set(file, [...(edits.get(file) ?? []), edit]);
    changes.push({ file, ...change });
  };

  for (const name of chosenServices(model, request)) {
    const source = from.services.find((s) => s.name === name)!;
    const target = to.services.find((s) => s.name === name)!;
    if (source.imageTag === target.imageTag) continue;
    const file = parse(target.file);
    const path = ['environments', to.name, 'imageTag'];
    const object = defineServiceObject(file);
    if (stringAt(file, object, path) === undefined) throw new LiteralEditError(`${target.file}: ${path.join('.')}: expected a string literal the command can edit; change it by hand`);
    add(target.file, replaceString(file, object, path, source.imageTag), { field: path.join('.'), before: target.imageTag, after: source.imageTag });
  }

  if (request.charts) {
    const file = parse(to.file);
    const object = environmentObject(file, to.name);
    for (const addon of ADDON_NAMES) {
      const [version, current] = [from.addons[addon], to.addons[addon]];
      if (version === current) continue;
      const edit =
        version === chartVersions[addon] ? (removeProperty(file, object, ['addons'], addon) ?? setStringProperty(file, object, ['addons'], addon, version)) : setStringProperty(file, object, ['addons'], addon, version);
      add(to.file, edit, { field: `addons.${addon}`, before: current, after: version });
    }
  }

  const files = new Map([...edits].map(([file, list]) => [file, applyEdits(parse(file).text, list)]));
  return { from: from.name, to: to.name, changes, files };
}
