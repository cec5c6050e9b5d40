/**
 * Objects that select others by labels (PodDisruptionBudgets, NetworkPolicies), indexed once by
 * namespace and by the first entry of their selector's matchLabels: the ones that may select a given
 * label set are those without matchLabels plus those whose first entry the labels carry (a selector
 * matches only labels that hold every matchLabels entry). `candidates` is that superset, in the
 * items' own order; callers still apply their exact selector test (matchExpressions included).
 */
import { dict } from './values.js';
import { appendTo } from './append-to.js';

const labelKey = (key: string, value: unknown) => `${key}\0${String(value)}`;

interface NamespaceEntry {
  unlabelled: number[];
  byFirstLabel: Map<string, number[]>;
}

export class SelectorIndex<T> {
  private readonly byNamespace = new Map<string | null, NamespaceEntry>();

  constructor(
    readonly items: readonly T[],
    namespaceOf: (item: T) => string | null,
    /** The selector (`{ matchLabels, matchExpressions }`). */
    selectorOf: (item: T) => unknown,
  ) {
    items.forEach((item, position) => {
      const namespace = namespaceOf(item);
      let entry = this.byNamespace.get(namespace);
      if (!entry) this.byNamespace.set(namespace, (entry = { unlabelled: [], byFirstLabel: new Map() }));
      const first = Object.entries(dict(dict(selectorOf(item)).matchLabels))[0];
      if (first === undefined) entry.unlabelled.push(position);
      else {
        appendTo(entry.byFirstLabel, labelKey(first[0], first[1]), position);
      }
    });
  }

  /** The items of `namespace` that may select `labels`, in their own order. */
  candidates(namespace: string | null, labels: Record<string, string>): T[] {
    const entry = this.byNamespace.get(namespace);
    if (!entry) return [];
    const positions = [...entry.unlabelled];
    for (const [key, value] of Object.entries(labels)) positions.push(...(entry.byFirstLabel.get(labelKey(key, value)) ?? []));
    return positions.sort((a, b) => a - b).map((position) => this.items[position]!);
  }
}
