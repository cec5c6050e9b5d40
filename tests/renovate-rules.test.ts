/**
 * What Renovate will do with the pins whose update rules are easy to get wrong, read from
 * renovate.json's packageRules the way Renovate merges them (every matching rule in order, later
 * keys win). A small model of Renovate's matching, enough for the fields this config uses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { supportWindows } from '../environments/support.js';
import { charts, tools } from '../environments/versions.js';

type Rule = Record<string, unknown> & {
  matchManagers?: string[];
  matchDatasources?: string[];
  matchDepTypes?: string[];
  matchPackageNames?: string[];
};

interface Dependency {
  manager: string;
  datasource: string;
  depType?: string;
  packageName: string;
}

const config = JSON.parse(readFileSync(fileURLToPath(new URL('../renovate.json', import.meta.url)), 'utf8')) as Record<string, unknown> & { packageRules: Rule[] };
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { engines: { node: string } };

/** Renovate's name patterns: exact, or a glob where `*` and `**` match anything (enough here). */
const nameMatches = (pattern: string, name: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*')}$`).test(name);

function matches(rule: Rule, dep: Dependency): boolean {
  if (rule.matchManagers && !rule.matchManagers.includes(dep.manager)) return false;
  if (rule.matchDatasources && !rule.matchDatasources.includes(dep.datasource)) return false;
  if (rule.matchDepTypes && !(dep.depType && rule.matchDepTypes.includes(dep.depType))) return false;
  if (rule.matchPackageNames && !rule.matchPackageNames.some((p) => nameMatches(p, dep.packageName))) return false;
  return true;
}

/** The effective settings for a dependency: top-level config, then every matching packageRule in order. */
function effective(dep: Dependency): Record<string, unknown> {
  const { packageRules, ...top } = config;
  return packageRules.filter((r) => matches(r, dep)).reduce<Record<string, unknown>>((acc, rule) => ({ ...acc, ...rule }), { ...top });
}

const karpenter: Dependency = { manager: 'custom.regex', datasource: 'docker', packageName: 'karpenter/karpenter' };

describe('Renovate rules, as Renovate merges them', () => {
  it('does not hold the Karpenter chart forever: its OCI registry gives no release timestamps', () => {
    expect(charts.karpenter.repoURL).toMatch(/^public\.ecr\.aws\//);
    const settings = effective(karpenter);
    // Since Renovate 42 the default behaviour is "timestamp-required": no timestamp, no update.
    expect(settings.minimumReleaseAge === undefined || settings.minimumReleaseAgeBehaviour === 'timestamp-optional', JSON.stringify(settings)).toBe(true);
  });

  it('still makes other chart updates wait minimumReleaseAge with timestamps required', () => {
    const settings = effective({ manager: 'custom.regex', datasource: 'helm', packageName: 'loki' });
    expect(settings.minimumReleaseAge).toBe('3 days');
    expect(settings.minimumReleaseAgeBehaviour).toBeUndefined();
  });

  it('never pins or bumps engines.node to the newest release: it stays a floor on a supported line', () => {
    const settings = effective({ manager: 'npm', datasource: 'node-version', depType: 'engines', packageName: 'node' });
    expect(settings.rangeStrategy).toBe('widen');
    const floor = /^>=(\d+)(\.\d+)*$/.exec(pkg.engines.node);
    expect(floor, `engines.node ${pkg.engines.node}`).not.toBeNull();
    expect(supportWindows.some((w) => w.product === 'nodejs' && w.cycle === floor![1])).toBe(true);
    expect(Number(floor![1])).toBeLessThanOrEqual(Number(tools.node));
  });

  it('moves the CI Node.js pins (.node-version and tools.node) together, to LTS lines, as a major', () => {
    const nodenv = effective({ manager: 'nodenv', datasource: 'node-version', packageName: 'node' });
    const pin = effective({ manager: 'custom.regex', datasource: 'node-version', packageName: 'node' });
    for (const settings of [nodenv, pin]) expect(settings).toMatchObject({ groupName: 'Node.js', versioning: 'node', rangeStrategy: 'replace' });
    expect(tools.node).toMatch(/^\d+$/);
    expect(Number(tools.node) % 2, 'an even (LTS) Node.js major').toBe(0);
  });

  it('keeps @types/node within the oldest supported Node.js line', () => {
    const settings = effective({ manager: 'npm', datasource: 'npm', depType: 'devDependencies', packageName: '@types/node' });
    const floor = Number(/^>=(\d+)/.exec(pkg.engines.node)![1]);
    expect(settings.allowedVersions).toBe(`<${floor + 1}`);
  });
});
