/**
 * Writes a set of source files, and puts every one back as it was (or removes it, when it did not
 * exist) if what follows fails: a command that edits sources and then runs synth leaves nothing
 * behind when synth refuses the result.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WrittenSources {
  restore(): void;
}

export function writeSources(root: string, files: ReadonlyMap<string, string>): WrittenSources {
  const before = new Map<string, string | undefined>();
  const createdDirs: string[] = [];
  for (const [file, text] of files) {
    const full = join(root, file);
    before.set(file, existsSync(full) ? readFileSync(full, 'utf8') : undefined);
    if (!existsSync(dirname(full))) {
      createdDirs.push(dirname(full));
      mkdirSync(dirname(full), { recursive: true });
    }
    writeFileSync(full, text);
  }
  return {
    restore() {
      for (const [file, text] of before) {
        if (text === undefined) rmSync(join(root, file), { force: true });
        else writeFileSync(join(root, file), text);
      }
      for (const dir of createdDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    },
  };
}
