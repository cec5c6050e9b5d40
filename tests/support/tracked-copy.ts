/**
 * A copy of the repository as Git sees it (tracked and untracked-but-not-ignored files from
 * `git ls-files`, as they are in the working tree) in a temporary folder, with node_modules linked
 * and the repository's built command bundles.
 * Everything is asynchronous: copying hundreds of files never holds the test worker.
 */
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCommand } from './run-tsx.js';
import { REPO_ROOT, seedBundlesAsync } from './tree.js';

export async function trackedCopy(prefix = 'platform-gitops-copy-'): Promise<string> {
  const listed = await runCommand('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT);
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const paths = [...new Set(listed.stdout.split('\0').filter(Boolean))];
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (const path of paths) {
    const source = join(REPO_ROOT, path);
    // A tracked file deleted in the working tree is not part of the copy either.
    if (!(await access(source, constants.F_OK).then(() => true, () => false))) continue;
    await mkdir(dirname(join(root, path)), { recursive: true });
    await copyFile(source, join(root, path));
  }
  await symlink(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  // The repository's built command bundles (~7 MB), as after `pnpm install` (tests/support/tree.ts).
  await seedBundlesAsync(root);
  return root;
}
