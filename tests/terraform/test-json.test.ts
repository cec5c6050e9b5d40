import { describe, expect, it } from 'vitest';
import { isIgnoredBackendNotice, parseTestJson } from './test-json.js';

const line = (message: object) => JSON.stringify({ '@level': 'info', '@message': '', ...message });
const backendNotice = (filename: string, context = 'terraform.backend') => ({
  severity: 'warning',
  summary: 'Backend configuration ignored',
  range: { filename, start: { line: 3 } },
  snippet: { context },
});

describe('parseTestJson', () => {
  it('collects each run status and its errors and warnings, and the diagnostics outside runs', () => {
    const stdout = [
      line({ type: 'version' }),
      line({ type: 'diagnostic', diagnostic: backendNotice('network/main.tf.json') }),
      line({ type: 'test_run', '@testrun': 'network', test_run: { run: 'network', progress: 'starting' } }),
      line({ type: 'test_run', '@testrun': 'network', test_run: { run: 'network', progress: 'complete', status: 'pass' } }),
      line({ type: 'diagnostic', '@testrun': 'network', diagnostic: { severity: 'warning', summary: 'Argument is deprecated', detail: 'use domain' } }),
      line({ type: 'test_run', '@testrun': 'data', test_run: { run: 'data', progress: 'complete', status: 'error' } }),
      line({ type: 'diagnostic', '@testrun': 'data', diagnostic: { severity: 'error', summary: 'Unsupported argument' } }),
      '',
    ].join('\n');
    const report = parseTestJson(stdout);
    expect(report.runs.get('network')).toEqual({ status: 'pass', errors: [], warnings: ['warning: Argument is deprecated: use domain'] });
    expect(report.runs.get('data')).toEqual({ status: 'error', errors: ['error: Unsupported argument'], warnings: [] });
    expect(report.fileDiagnostics).toHaveLength(1);
  });
});

describe('isIgnoredBackendNotice', () => {
  it("tolerates only the notice about a stack's own backend block", () => {
    expect(isIgnoredBackendNotice(backendNotice('network/main.tf.json'), ['network'])).toBe(true);
    expect(isIgnoredBackendNotice(backendNotice('other/main.tf.json'), ['network'])).toBe(false);
    expect(isIgnoredBackendNotice(backendNotice('network/main.tf.json', 'resource.aws_eip.ip'), ['network'])).toBe(false);
    expect(isIgnoredBackendNotice({ ...backendNotice('network/main.tf.json'), summary: 'Argument is deprecated' }, ['network'])).toBe(false);
  });
});
