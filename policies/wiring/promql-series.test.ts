import { describe, expect, it } from 'vitest';
import { vectorSelectors } from './promql-series.js';

describe('vectorSelectors', () => {
  it.each([
    ['a bare name', 'up == 0', [{ name: 'up', labels: {} }]],
    ['equality matchers only', 'rate(http_requests_total{job="api", code=~"5..", env!="dev"}[5m])', [{ name: 'http_requests_total', labels: { job: 'api' } }]],
    ['grouping before and after the aggregation', 'sum by (le) (rate(a_bucket[5m])) / sum(rate(b_total[1m])) without (pod)', [{ name: 'a_bucket', labels: {} }, { name: 'b_total', labels: {} }]],
    ['vector matching and keywords', 'a > bool 1 and on (pod) group_left (team) b offset 5m unless c', [{ name: 'a', labels: {} }, { name: 'b', labels: {} }, { name: 'c', labels: {} }]],
    ['numbers, durations and strings are not series', 'histogram_quantile(0.99, x_bucket) > 1e3 and label_replace(y, "dst", "$1", "src", "(.*)")', [{ name: 'x_bucket', labels: {} }, { name: 'y', labels: {} }]],
    ['a selector by __name__', '{__name__="z", job="j"}', [{ name: 'z', labels: { __name__: 'z', job: 'j' } }]],
    ['recording-rule names with colons', 'job:errors:rate5m > 1', [{ name: 'job:errors:rate5m', labels: {} }]],
    ['escapes in double and single quotes, none in backticks', 'm{a="x\\"y", b=\'p\\\'q\', c=`r\\s`}', [{ name: 'm', labels: { a: 'x"y', b: "p'q", c: 'r\\s' } }]],
    ['an escaped backslash before the closing quote', 'n{job="a\\\\"} or o{x=`y`}', [{ name: 'n', labels: { job: 'a\\' } }, { name: 'o', labels: { x: 'y' } }]],
    ['an unterminated string runs to the end', 'm{job="api', [{ name: 'm', labels: { job: 'api' } }]],
  ])('%s', (_, expr, expected) => {
    expect(vectorSelectors(expr)).toEqual(expected);
  });
});
