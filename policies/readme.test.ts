import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';
import { rulesTable } from './readme.js';

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('lists every rule exactly as the registry describes it (regenerate with `pnpm policies --readme`)', () => {
    expect(readme).toContain(rulesTable(rules));
  });

  it('names every rule id', () => {
    for (const rule of rules) expect(readme).toContain(`| ${rule.id} | ${rule.severity} |`);
  });
});
