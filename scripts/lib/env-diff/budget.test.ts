import { describe, expect, it } from 'vitest';
import { fitSections, isBalanced, sectionBody } from './budget.js';
import type { Block } from './markdown-blocks.js';

const block = (heading: string, size: number): Block => ({ heading, text: 'x'.repeat(size) });

describe('comment budget', () => {
  it('renders a group heading once per run of blocks of the same group', () => {
    expect(sectionBody([block('# a', 1), block('# a', 2), block('# b', 1)], 3)).toBe('\n# a\n\nx\nxx\n\n# b\n\nx\n');
    expect(sectionBody([block('# a', 1), block('# a', 2)], 1)).toBe('\n# a\n\nx\n');
  });

  it('fills sections in priority order, each up to its first block that does not fit', () => {
    const sections = new Map([
      ['dev', [block('# a', 10), block('# a', 10)]],
      ['prod', [block('# a', 10), block('# a', 100), block('# a', 1)]],
    ]);
    // prod first: heading+block (17 bytes), then 100 does not fit, so prod stops; dev gets 17 + 11.
    expect(fitSections(sections, ['prod', 'dev'], 50)).toEqual(new Map([['prod', 1], ['dev', 2]]));
    expect(fitSections(sections, ['prod', 'dev'], 16)).toEqual(new Map([['prod', 0], ['dev', 0]]));
  });

  it('checks that fences and <details> are balanced', () => {
    expect(isBalanced('<details>\n<summary>x</summary>\n\n```diff\n- a\n```\n</details>\n')).toBe(true);
    expect(isBalanced('````\n```\n</details>\n````\n')).toBe(true);
    expect(isBalanced('<details>\n```\n</details>\n')).toBe(false);
    expect(isBalanced('<details>\n')).toBe(false);
    expect(isBalanced('</details>\n<details>\n')).toBe(false);
  });
});
