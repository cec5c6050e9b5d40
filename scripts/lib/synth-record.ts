/**
 * Writes the record of a clean `pnpm synth --check` (scripts/bundle/check-record.mjs explains it):
 * the launcher of the prebuilt bundle gives the sources' fingerprint; a run without it (through
 * tsx, when a source does not load) records nothing.
 */
import { checkRecordKey, normalizedSelection, recordedText, writeCheckRecord, type RecordedLine } from '../bundle/check-record.mjs';
import { OUTPUT_DIRECTORIES, OUTPUT_FILES } from '../../generators/output-paths.js';

export { recordedText, type RecordedLine };

/** The fingerprint of the sources the running bundle was built from, when a bundle runs this command. */
const sourcesFingerprint = () => (globalThis as { platformGitopsBundle?: { sourcesFingerprint?: string } }).platformGitopsBundle?.sourcesFingerprint;

export interface CleanCheck {
  root: string;
  /** `--env` as given on the command line (undefined: every environment). */
  env: readonly string[] | undefined;
  /** The day the policies were checked against. */
  today: string;
  /** Generated files a clean check reports. */
  count: number;
  /** What a clean check prints after its phase lines. */
  lines: readonly RecordedLine[];
}

/** Records a clean check of the current sources and outputs; false when there is no fingerprint or the record cannot be written. */
export function recordCleanCheck(check: CleanCheck): boolean {
  const fingerprint = sourcesFingerprint();
  if (fingerprint === undefined) return false;
  const key = checkRecordKey(check.root, { sourcesFingerprint: fingerprint, today: check.today, selection: normalizedSelection(check.env) });
  return writeCheckRecord(check.root, key, { roots: OUTPUT_DIRECTORIES, files: OUTPUT_FILES, count: check.count, lines: check.lines });
}
