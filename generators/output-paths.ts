/**
 * Where synth may write, in one place: the folders it owns entirely and the named files at the
 * repository root it owns. The writer refuses any other path, whoever names it (a generator or the
 * committed manifest), so it can never delete or overwrite a source, the README or a workflow.
 */
import { ATLANTIS_CONFIG_PATH } from './atlantis/generator.js';
import { CODEOWNERS_PATH } from './codeowners/codeowners.js';

/** Folders synth owns entirely: any other file found in them is unexpected. */
export const OUTPUT_DIRECTORIES = ['generated', 'argocd'] as const;

/** Single files synth owns outside those folders. */
export const OUTPUT_FILES = [ATLANTIS_CONFIG_PATH, CODEOWNERS_PATH] as const;

/** A human list for messages: `generated/, argocd/, atlantis.yaml, .github/CODEOWNERS`. */
export const OUTPUT_PATHS_TEXT = [...OUTPUT_DIRECTORIES.map((d) => `${d}/`), ...OUTPUT_FILES].join(', ');

/** Whether a repository-relative POSIX path is one synth may write or delete. */
export function isOutputPath(path: string): boolean {
  return (OUTPUT_FILES as readonly string[]).includes(path) || OUTPUT_DIRECTORIES.some((dir) => path.startsWith(`${dir}/`));
}
