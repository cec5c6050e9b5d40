/**
 * Is the generated output at head what its sources generate? For the working tree of this
 * repository, synth-staleness.ts runs the synth planner in check mode in process (authoritative).
 * For a git revision nothing is checked out or regenerated; instead the committed manifest is
 * compared with the revision's tree: every listed file must exist and every file under the owned
 * folders must be listed. CI's `pnpm synth --check` on the PR head remains the authoritative check.
 */
import { MANIFEST_PATH, parseManifest } from '../manifest.js';
import { OWNED_ROOTS } from '../writer.js';
import type { Revision } from './revisions.js';
import type { Staleness } from './types.js';

/** Contents are not regenerated for a git revision; CI's `pnpm synth --check` on the PR head covers that. */
export const MANIFEST_METHOD = 'manifest check';

const owned = (path: string) => OWNED_ROOTS.some((root) => path.startsWith(`${root}/`));

export function manifestConsistency(head: Revision): Staleness {
  const text = head.read([MANIFEST_PATH]).get(MANIFEST_PATH);
  const listed = parseManifest(text).map((entry) => entry.path);
  const present = new Set(OWNED_ROOTS.flatMap((root) => head.list(root)));
  const outsideOwned = head.read(listed.filter((path) => !owned(path)));
  const problems: string[] = [];
  if (text === undefined && present.size > 0) problems.push(`${MANIFEST_PATH} is missing`);
  for (const path of listed) {
    if (owned(path) ? !present.has(path) : !outsideOwned.has(path)) problems.push(`${path}: listed in ${MANIFEST_PATH} but missing`);
  }
  const listedSet = new Set(listed);
  for (const path of [...present].sort()) {
    if (path !== MANIFEST_PATH && !listedSet.has(path)) problems.push(`${path}: not produced by synth (not in ${MANIFEST_PATH})`);
  }
  return { status: problems.length > 0 ? 'stale' : 'consistent', method: MANIFEST_METHOD, problems };
}
