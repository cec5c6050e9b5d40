import { describe, expect, it } from 'vitest';
import { supportWindows } from '../../environments/support.js';
import { tools } from '../../environments/versions.js';
import { checkPolicies } from '../check.js';
import { fixtureSupportTable, nodePin, repositoryFile } from '../testing/lifecycle-cases.js';
import { findings } from '../testing/run-rule.js';
import { endOfLifeSoonRule } from './end-of-life-soon.js';
import { endOfLifeRule } from './end-of-life.js';
import { daysBetween, findWindow, supportStatus } from './support-status.js';

const table = fixtureSupportTable;

describe('support status on a date', () => {
  it.each([
    ['2027-03-26', 'ending', 1],
    ['2027-03-27', 'ended', 0],
    ['2026-12-27', 'ending', 90],
    ['2026-12-26', 'supported', 91],
  ] as const)('EKS 1.35 under STANDARD on %s is %s', (today, state, daysLeft) => {
    expect(supportStatus(findWindow(table, 'amazon-eks', '1.35'), today)).toMatchObject({ state, daysLeft, ends: '2027-03-27' });
  });

  it('uses the end of extended support when the cluster may run on it', () => {
    expect(supportStatus(findWindow(table, 'amazon-eks', '1.35'), '2027-06-01', true)).toMatchObject({ state: 'supported', ends: '2028-03-27' });
  });

  it('matches Node.js by major and wildcard rows by product', () => {
    expect(findWindow(table, 'nodejs', 'v24.11.1')?.cycle).toBe('24');
    expect(findWindow(table, 'chart:promtail', '3.0.0')?.cycle).toBe('*');
    expect(supportStatus(findWindow(table, 'nodejs', '23'), '2026-11-30').state).toBe('unknown');
  });

  it('keeps a line supported while its end waits for an undated event, and matches chart lines by minor', () => {
    const window = { product: 'chart:cert-manager' as const, cycle: '1.21', ends: null, endsWhen: 'release of 1.23', source: 'https://x.example', checked: '2026-11-30' };
    expect(findWindow([window], 'chart:cert-manager', 'v1.21.2')).toBe(window);
    expect(supportStatus(window, '2030-01-01').state).toBe('supported');
  });

  it('counts calendar days in UTC', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-11-30', '2026-11-26')).toBe(-4);
  });
});

describe('the toolchain pin (repository-wide group)', () => {
  it('is an error once its Node.js line has ended, and a warning shortly before', () => {
    const rule = endOfLifeRule({ table, repositoryPins: [nodePin('20')] });
    expect(findings(rule, [repositoryFile()])).toEqual([
      {
        file: 'environments/versions.ts',
        resource: 'tools.node',
        message: 'Node.js 20: support ended on 2026-04-30 (https://node.example/schedule, checked 2026-11-30); move to a supported version',
      },
    ]);
    expect(findings(endOfLifeSoonRule({ table, repositoryPins: [nodePin('24')] }), [repositoryFile()], '2028-03-01').map((f) => f.resource)).toEqual(['tools.node']);
    expect(findings(rule, [repositoryFile()].map((f) => ({ ...f, environment: 'dev' as const })))).toEqual([]);
  });

  it('is checked by synth even when no repository-wide file is rendered', () => {
    const rule = endOfLifeRule({ table, repositoryPins: [nodePin('20')] });
    const report = checkPolicies({ files: [], environments: [], today: '2026-11-30', rules: [rule] });
    expect(report.violations.map((v) => `${v.rule} ${v.environment} ${v.resource}`)).toEqual(['LIFE-001 null tools.node']);
  });
});

describe('the real support table', () => {
  it('has one row per product and cycle, each with an https source and dates in order', () => {
    const keys = supportWindows.map((w) => `${w.product} ${w.cycle}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const w of supportWindows) {
      expect(w.source, keys.join()).toMatch(/^https:\/\//);
      for (const date of [w.checked, ...(w.ends ? [w.ends] : []), ...(w.extendedEnds ? [w.extendedEnds] : [])]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (w.extendedEnds) expect(w.extendedEnds > (w.ends ?? '')).toBe(true);
      // An end without a date must say what it waits for.
      if (w.ends === null) expect(w.endsWhen, keys.join()).toBeTruthy();
    }
  });

  it('knows the Node.js line CI runs on', () => {
    expect(findWindow(supportWindows, 'nodejs', tools.node)).toBeDefined();
  });
});
