import { describe, expect, it } from 'vitest';
import type { PolicyException } from '../../environments/types.js';
import { checkPolicies, exceptionsInForce } from '../check.js';
import { rules } from '../index.js';
import { compliantDeployment, podSpec, yamlFile } from '../testing/kubernetes-fixtures.js';
import type { PolicyFile } from './documents.js';
import { exceptionsInForceLines, problemLines, summaryLine } from './format.js';
import { errorCount } from './run.js';

/** A Deployment running as root in `env`: one K8S-001 violation. */
function rootDeployment(env: 'dev' | 'prod'): PolicyFile {
  const deployment = compliantDeployment();
  podSpec(deployment).securityContext = {};
  return yamlFile(`generated/kubernetes/${env}/api/deployment.yaml`, [{ ...deployment, spec: { ...deployment.spec, replicas: 1 } }], env);
}

const exception = (overrides: Partial<PolicyException> = {}): PolicyException => ({
  rule: 'K8S-001',
  resource: 'Deployment/platform-apps/api',
  reason: 'vendor image needs root until 2.0 (PLAT-123)',
  expires: '2030-06-30',
  ...overrides,
});

const check = (files: PolicyFile[], exceptions: { dev?: PolicyException[]; prod?: PolicyException[] }, today = '2030-06-30') =>
  checkPolicies({
    files,
    rules: rules.filter((r) => ['K8S-001', 'TF-003'].includes(r.id)),
    today,
    environments: [
      { name: 'dev', tier: 'development' as const, file: 'environments/dev.ts', policyExceptions: exceptions.dev ?? [] },
      { name: 'prod', tier: 'production' as const, file: 'environments/prod.ts', policyExceptions: exceptions.prod ?? [] },
    ],
  });

describe('policy exceptions', () => {
  it('report a violation with rule, environment, file and resource when nothing excuses it', () => {
    const report = check([rootDeployment('prod')], {});
    expect(problemLines(report)).toEqual([
      'error K8S-001 prod generated/kubernetes/prod/api/deployment.yaml Deployment/platform-apps/api: container "api": runAsNonRoot is not true',
    ]);
    expect(errorCount(report)).toBe(1);
    expect(summaryLine(report)).toBe('1 policy error(s), 0 warning(s).');
  });

  it('excuse a matching violation up to and including the expiry date, and are listed as in force', () => {
    const report = check([rootDeployment('prod')], { prod: [exception()] }, '2030-06-30');
    expect(report.violations).toEqual([]);
    expect(report.excused.map((e) => [e.violation.rule, e.violation.resource, e.exception.expires])).toEqual([['K8S-001', 'Deployment/platform-apps/api', '2030-06-30']]);
    expect(errorCount(report)).toBe(0);
    expect(exceptionsInForceLines(report)).toEqual(['prod K8S-001 Deployment/platform-apps/api until 2030-06-30: vendor image needs root until 2.0 (PLAT-123)']);
    expect(summaryLine(report)).toBe('0 policy error(s), 0 warning(s), 1 excused by exceptions.');
  });

  it('fail the day after they expire, and no longer excuse the violation', () => {
    const report = check([rootDeployment('prod')], { prod: [exception()] }, '2030-07-01');
    expect(problemLines(report)).toEqual([
      'error K8S-001 prod generated/kubernetes/prod/api/deployment.yaml Deployment/platform-apps/api: container "api": runAsNonRoot is not true',
      'error K8S-001 prod environments/prod.ts Deployment/platform-apps/api: policyExceptions[0].expires: policy exception expired on 2030-06-30; fix the violation or renew the exception with a new date',
    ]);
    expect(errorCount(report)).toBe(2);
  });

  it('fail once expired even when the violation is gone', () => {
    expect(errorCount(check([], { prod: [exception({ expires: '2020-01-01' })] }))).toBe(1);
  });

  it('apply only in their own environment', () => {
    const report = check([rootDeployment('dev'), rootDeployment('prod')], { dev: [exception()] });
    expect(report.violations.map((v) => v.environment)).toEqual(['prod']);
    expect(report.excused.map((e) => e.violation.environment)).toEqual(['dev']);
  });

  it('are reported when they match nothing (a warning) or name no rule (an error)', () => {
    const report = check([], { dev: [exception({ rule: 'TF-003', resource: 'aws_s3_bucket.gone' }), exception({ rule: 'K8S-999' })] });
    expect(problemLines(report)).toEqual([
      'warning TF-003 dev environments/dev.ts aws_s3_bucket.gone: policyExceptions[0]: policy exception matches no violation; remove it',
      'error K8S-999 dev environments/dev.ts Deployment/platform-apps/api: policyExceptions[1].rule: policy exception names rule K8S-999, which does not exist',
    ]);
    expect(errorCount(report)).toBe(1);
  });

  it('to a Kubernetes rule may match nothing generated: they still exclude the object at admission', () => {
    const report = check([], { prod: [exception({ resource: 'DaemonSet/platform-monitoring/log-agent' })] });
    expect(problemLines(report)).toEqual([]);
    expect(exceptionsInForceLines(report)).toEqual([
      'prod K8S-001 DaemonSet/platform-monitoring/log-agent until 2030-06-30 (admission only: no generated object matches): vendor image needs root until 2.0 (PLAT-123)',
    ]);
  });

  it('are listed per environment for other tools, without matching them', () => {
    const environments = [
      { name: 'dev' as const, tier: 'development' as const, file: 'environments/dev.ts', policyExceptions: [exception(), exception({ expires: '2020-01-01' })] },
      { name: 'prod' as const, tier: 'production' as const, file: 'environments/prod.ts', policyExceptions: [] },
    ];
    expect(exceptionsInForce(environments, '2030-01-01')).toEqual([
      { environment: 'dev', exceptions: [{ ...exception(), environment: 'dev', file: 'environments/dev.ts', path: 'policyExceptions[0]', state: 'in-force', matched: 0, admission: true }] },
      { environment: 'prod', exceptions: [] },
    ]);
  });
});

describe('the policy run', () => {
  it('orders violations by environment, file and resource, whatever the input order', () => {
    const files = [rootDeployment('prod'), rootDeployment('dev')];
    const forward = check(files, {});
    const backward = check([...files].reverse(), {});
    expect(forward.violations.map((v) => v.environment)).toEqual(['dev', 'prod']);
    expect(backward).toEqual(forward);
  });

  it('runs every registered rule by default', () => {
    expect(checkPolicies({ files: [], environments: [], today: '2030-01-01' }).rules).toBe(rules.length);
  });
});
