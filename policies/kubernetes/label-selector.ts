/** Kubernetes label selectors (matchLabels + matchExpressions), evaluated against a label set. */
import { dict, isDict, list, str, strings } from '../engine/values.js';

export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const matchLabels = Object.entries(dict(dict(selector).matchLabels)).every(([key, value]) => labels[key] === value);
  const matchExpressions = list(dict(selector).matchExpressions)
    .filter(isDict)
    .every((expression) => {
      const key = str(expression.key) ?? '';
      const values = strings(expression.values);
      switch (expression.operator) {
        case 'In':
          return key in labels && values.includes(labels[key]!);
        case 'NotIn':
          return !(key in labels) || !values.includes(labels[key]!);
        case 'Exists':
          return key in labels;
        case 'DoesNotExist':
          return !(key in labels);
        default:
          return false;
      }
    });
  return matchLabels && matchExpressions;
}

/** `{}` (or absent matchLabels and matchExpressions): selects every Pod of the namespace. */
export function selectsEverything(selector: unknown): boolean {
  return Object.keys(dict(dict(selector).matchLabels)).length === 0 && list(dict(selector).matchExpressions).length === 0;
}
