import { describe, expect, it } from 'vitest';
import { rules } from './index.js';
import { admissionCases } from './testing/admission-cases.js';
import { auditCases } from './testing/audit-cases.js';
import { bringupCases } from './testing/bringup-cases.js';
import { costCases } from './testing/cost-cases.js';
import { gitopsCases } from './testing/gitops-cases.js';
import { kubernetesCases } from './testing/kubernetes-cases.js';
import { findings } from './testing/run-rule.js';
import { lifecycleCases } from './testing/lifecycle-cases.js';
import { protectionCases } from './testing/protection-cases.js';
import { terraformCases } from './testing/terraform-cases.js';
import { terraformNameCases } from './testing/terraform-name-cases.js';
import { trafficCases } from './testing/traffic-cases.js';
import { wiringCases } from './testing/wiring-cases.js';

const cases = [...kubernetesCases, ...trafficCases, ...terraformCases, ...auditCases, ...terraformNameCases, ...gitopsCases, ...admissionCases, ...bringupCases, ...wiringCases, ...lifecycleCases, ...costCases, ...protectionCases];

describe('every rule, table-driven', () => {
  it.each(cases.map((c) => [`${c.rule.id} passes: ${c.name}`, c] as const))('%s', (_, c) => {
    expect(findings(c.rule, c.pass(), c.today)).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.rule.id} fails: ${c.name}`, c] as const))('%s', (_, c) => {
    expect(findings(c.rule, c.fail(), c.today)).toEqual(c.expected);
  });

  it('has a passing and a failing fixture for every rule in the registry', () => {
    expect([...new Set(cases.map((c) => c.rule.id))].sort()).toEqual(rules.map((r) => r.id).sort());
    for (const c of cases) expect(c.expected.length, `${c.rule.id}: ${c.name}`).toBeGreaterThan(0);
  });

  it('has unique ids and complete metadata', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^(K8S|TF|GITOPS|ADM|BRINGUP|WIRE|LIFE|COST)-[0-9]{3}$/);
      expect(rule.id.startsWith({ kubernetes: 'K8S', terraform: 'TF', gitops: 'GITOPS', admission: 'ADM', bringup: 'BRINGUP', wiring: 'WIRE', lifecycle: 'LIFE', cost: 'COST' }[rule.area]!)).toBe(true);
      for (const field of [rule.title, rule.checks, rule.why, rule.fix]) expect(field.length).toBeGreaterThan(10);
    }
  });
});
