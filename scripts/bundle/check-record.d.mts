/** Types of check-record.mjs (see there). */
export interface RecordedLine {
  stream: 'stdout' | 'stderr';
  colour?: 'green' | 'yellow';
  text: string;
}
export interface CheckRecordContent {
  roots: readonly string[];
  files: readonly string[];
  count: number;
  lines: readonly RecordedLine[];
}
export declare const CHECK_RECORD_DIR: string;
export declare function normalizedSelection(values: readonly string[] | undefined): string;
export declare function checkRecordKey(root: string, key: { sourcesFingerprint: string; today: string; selection: string }): string;
export declare function outputState(root: string, roots: readonly string[], files: readonly string[]): [string, string][] | undefined;
export declare function writeCheckRecord(root: string, key: string, content: CheckRecordContent): boolean;
export declare function matchingRecord(root: string, key: string): (CheckRecordContent & { outputs: [string, string][] }) | undefined;
export declare function recordedText(colours: { green(text: string): string; yellow(text: string): string }, line: RecordedLine): string;
export declare function recordPhaseDetail(count: number): string;
export declare function replayCleanCheck(
  root: string,
  key: string,
  started: number,
  io?: { stdout: { isTTY?: boolean; write(text: string): unknown }; stderr: { isTTY?: boolean; write(text: string): unknown }; env: Record<string, string | undefined> },
): boolean;
