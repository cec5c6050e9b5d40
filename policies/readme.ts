/** The README's table of rules, generated from the registry so the two cannot disagree. */
import type { RuleMetadata } from './engine/types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function rulesTable(rules: readonly RuleMetadata[]): string {
  return [
    '| id | severity | rule | what is checked | why | how to fix |',
    '|---|---|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${r.severity} | ${cell(r.title)} | ${cell(r.checks)} | ${cell(r.why)} | ${cell(r.fix)} |`),
  ].join('\n');
}
