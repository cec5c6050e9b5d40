/**
 * The changed generated files of both sides, read once (one `git cat-file --batch` per side) and
 * parsed on demand: Terraform JSON per stack, YAML objects per app or environment. Files that do
 * not parse become warnings, not failures, so one broken file does not hide every other change.
 */
import { indexObjects, parseManifestFile, type ManifestObject } from './manifest-objects.js';
import type { Revision } from './revisions.js';
import { parseTerraform, type TerraformDocument } from './terraform-differ.js';

export type Side = 'before' | 'after';

export class ChangedFiles {
  readonly warnings: string[] = [];
  private readonly texts: Record<Side, Map<string, string>>;

  constructor(base: Revision, head: Revision, paths: readonly string[]) {
    this.texts = { before: base.read(paths), after: head.read(paths) };
  }

  /** The stack's Terraform blocks on one side, merged over its files; undefined when it has none there. */
  terraform(paths: readonly string[], side: Side): TerraformDocument | undefined {
    const documents = paths.flatMap((path) => {
      const text = this.texts[side].get(path);
      if (text === undefined) return [];
      try {
        return [parseTerraform(text)];
      } catch (error) {
        this.warnings.push(`${path}: not valid JSON, skipped: ${(error as Error).message}`);
        return [];
      }
    });
    if (documents.length === 0) return undefined;
    return { blocks: new Map(documents.flatMap((d) => [...d.blocks])), moved: documents.flatMap((d) => d.moved) };
  }

  /** The YAML objects of these files on one side, by identity; `where` names the group in problems. */
  objects(paths: readonly string[], side: Side, where: string): Map<string, ManifestObject> {
    const problems: string[] = [];
    const objects = paths.flatMap((path) => {
      const text = this.texts[side].get(path);
      if (text === undefined) return [];
      const parsed = parseManifestFile(path, text);
      problems.push(...parsed.problems);
      return parsed.objects;
    });
    const index = indexObjects(objects, problems, where);
    this.warnings.push(...problems);
    return index;
  }
}
