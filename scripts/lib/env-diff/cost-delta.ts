/**
 * The cost change of one environment between base and head: the same estimate synth writes to
 * generated/catalog/cost/<env>.md (generators/cost), computed from each side's generated Terraform
 * and Kubernetes files as that side's manifest lists them, at head's price table for both sides (a
 * price-table update is therefore not a delta). Only YAML files that can hold a priced object are
 * parsed, so an environment costs two small `git cat-file` batches and a few parses.
 */
import { parseAllDocuments } from 'yaml';
import type { FileContent } from '../../../generators/document.js';
import { costDocuments, estimateCost, mayHavePricedDocument } from '../../../generators/cost/estimate.js';
import { cents, type CostEstimate, type LineItem } from '../../../generators/cost/line-item.js';
import { monthlyDelta } from '../../../generators/cost/money.js';
import { compareStrings } from '../../../generators/sort.js';
import { MANIFEST_PATH, parseManifest } from '../manifest.js';
import type { Revision } from './revisions.js';
import type { CostChange } from './types.js';

/** How many line items the delta names. */
const CONTRIBUTORS = 3;

function environmentFiles(side: Revision, environment: string, manifests: Map<Revision, ReturnType<typeof parseManifest>>): { path: string; content: FileContent }[] {
  let manifest = manifests.get(side);
  if (!manifest) {
    manifest = parseManifest(side.read([MANIFEST_PATH]).get(MANIFEST_PATH));
    manifests.set(side, manifest);
  }
  const paths = manifest.filter((e) => e.environment === environment && /\.(tf\.json|ya?ml)$/.test(e.path)).map((e) => e.path);
  const files: { path: string; content: FileContent }[] = [];
  for (const [path, text] of [...side.read(paths)].sort(([a], [b]) => compareStrings(a, b))) {
    try {
      if (path.endsWith('.tf.json')) files.push({ path, content: { format: 'json', value: JSON.parse(text) as Record<string, unknown> } });
      else if (mayHavePricedDocument(text)) files.push({ path, content: { format: 'yaml', documents: parseAllDocuments(text).map((d) => d.toJS() as unknown) } });
    } catch {
      // A file that does not parse is already a warning of the diff; the estimate goes without it.
    }
  }
  return files;
}

const sameCost = (a: LineItem, b: LineItem) => a.component === b.component && a.unit === b.unit && a.quantity === b.quantity && a.monthlyUsd === b.monthlyUsd;

/** Line items by what they price, for matching base and head. */
const keyed = (estimate: CostEstimate) => new Map(estimate.items.map((i) => [`${i.component}\u0000${i.resource}`, i]));

export function costChange(environment: string, base: Revision, head: Revision, manifests = new Map<Revision, ReturnType<typeof parseManifest>>()): CostChange {
  const before = estimateCost(costDocuments(environmentFiles(base, environment, manifests)));
  const after = estimateCost(costDocuments(environmentFiles(head, environment, manifests)));
  const [was, is] = [keyed(before), keyed(after)];
  // A resource renamed (or moved between stacks) costs the same under its new address: not a contributor.
  const gone = [...was.keys()].filter((k) => !is.has(k));
  for (const key of [...is.keys()].filter((k) => !was.has(k))) {
    const item = is.get(key)!;
    const twin = gone.findIndex((g) => sameCost(was.get(g)!, item));
    if (twin === -1) continue;
    was.delete(gone[twin]!);
    is.delete(key);
    gone.splice(twin, 1);
  }
  const contributors = [...new Set([...was.keys(), ...is.keys()])]
    .map((key) => {
      const item = is.get(key) ?? was.get(key)!;
      const deltaUsd = cents((is.get(key)?.monthlyUsd ?? 0) - (was.get(key)?.monthlyUsd ?? 0));
      return { resource: item.resource, component: item.component, deltaUsd, delta: monthlyDelta(deltaUsd) };
    })
    .filter((c) => c.deltaUsd !== 0)
    .sort((a, b) => Math.abs(b.deltaUsd) - Math.abs(a.deltaUsd) || compareStrings(a.resource, b.resource))
    .slice(0, CONTRIBUTORS);
  const deltaUsd = cents(after.monthlyUsd - before.monthlyUsd);
  return { beforeUsd: before.monthlyUsd, afterUsd: after.monthlyUsd, deltaUsd, delta: monthlyDelta(deltaUsd), contributors };
}
