/**
 * Objects with labels (pods, Services, workloads), indexed once by namespace and by each label, so a
 * rule that resolves selectors (a Service's pods, a ServiceMonitor's Services) reads the few objects
 * that could match instead of scanning every object of the environment for every selector: the
 * difference between linear and quadratic growth with the number of services.
 * `candidates` is a superset, in the items' own order: the items of the namespaces asked for that
 * carry the selector's first matchLabels entry (all of them when it has none). Callers still apply
 * their exact selector test to each candidate, so results are those of a full scan.
 */
import { appendTo } from './append-to.js';

const ANY_NAMESPACE = '\0any';

export class LabelIndex<T> {
  private readonly byNamespace = new Map<string, number[]>();
  /** Namespace → label key → label value (as a string) → positions: no key string built per label. */
  private readonly byLabel = new Map<string, Map<string, Map<string, number[]>>>();

  constructor(
    readonly items: readonly T[],
    namespaceOf: (item: T) => string | null,
    labelsOf: (item: T) => Record<string, unknown>,
  ) {
    const addLabel = (namespace: string, key: string, value: string, position: number) => {
      let keys = this.byLabel.get(namespace);
      if (!keys) this.byLabel.set(namespace, (keys = new Map()));
      let values = keys.get(key);
      if (!values) keys.set(key, (values = new Map()));
      appendTo(values, value, position);
    };
    items.forEach((item, position) => {
      const namespace = namespaceOf(item) ?? '';
      appendTo(this.byNamespace, namespace, position);
      appendTo(this.byNamespace, ANY_NAMESPACE, position);
      const labels = labelsOf(item);
      for (const key of Object.keys(labels)) {
        const value = String(labels[key]);
        addLabel(namespace, key, value, position);
        addLabel(ANY_NAMESPACE, key, value, position);
      }
    });
  }

  /** The namespaces of the items, in first-seen order. */
  namespaces(): string[] {
    return [...this.byNamespace.keys()].filter((namespace) => namespace !== ANY_NAMESPACE);
  }

  /** Positions of the items in `namespaces` (null: every namespace) that may match `matchLabels`, ascending. */
  positions(namespaces: readonly string[] | null, matchLabels: Record<string, unknown>): number[] {
    const first = Object.entries(matchLabels)[0];
    const lookup = (namespace: string) => (first ? this.byLabel.get(namespace)?.get(first[0])?.get(String(first[1])) : this.byNamespace.get(namespace)) ?? [];
    if (namespaces === null) return lookup(ANY_NAMESPACE);
    if (namespaces.length === 1) return lookup(namespaces[0]!);
    return [...new Set(namespaces.flatMap(lookup))].sort((a, b) => a - b);
  }

  /** The items of `namespaces` (null: every namespace) that may match `matchLabels`, in their own order. */
  candidates(namespaces: readonly string[] | null, matchLabels: Record<string, unknown>): T[] {
    return this.positions(namespaces, matchLabels).map((position) => this.items[position]!);
  }
}
