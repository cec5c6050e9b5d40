/**
 * `--needs database,cache,topic:x,bucket:y,secret:z` as the `dependencies` of a service definition.
 * Least privilege by default: `bucket:y` reads (`:write`, `:readwrite` for more), `database` is
 * readwrite (`database:read` for read only), `topic:x` consumes a topic another service produces and
 * otherwise produces it with DEFAULT_PARTITIONS partitions. An unknown need is a problem on
 * `dependencies` of the file to be written, reported like synth's.
 */
import type { Dependencies, TopicDependency } from '../../../services/types.js';
import type { Problem } from '../../../generators/model/problem.js';

/** Partitions of a topic the new service produces: at least its default maxReplicas (WIRE-007). */
export const DEFAULT_PARTITIONS = 6;

export const NEEDS_EXPECTED = 'database[:read|readwrite], cache, topic:<name>[:produce|consume], bucket:<name>[:read|write|readwrite], secret:<name>';

export type NeededDependencies = Omit<Dependencies, 'calls'>;

export function parseNeeds(file: string, needs: readonly string[], producedTopics: ReadonlySet<string>): { dependencies: NeededDependencies; problems: Problem[] } {
  const dependencies: NeededDependencies = { database: 'none', cache: false, topics: [], buckets: [], secrets: [] };
  const problems: Problem[] = [];
  const unknown = (need: string) => problems.push({ file, path: 'dependencies', message: `--needs: unknown need "${need}"; expected ${NEEDS_EXPECTED}` });
  for (const need of needs) {
    const [kind, name, access, ...rest] = need.split(':');
    if (rest.length > 0) unknown(need);
    else if (kind === 'database' && name === undefined) dependencies.database = 'readwrite';
    else if (kind === 'database' && (name === 'read' || name === 'readwrite') && access === undefined) dependencies.database = name;
    else if (kind === 'cache' && name === undefined) dependencies.cache = true;
    else if (kind === 'topic' && name && (access === undefined || access === 'produce' || access === 'consume')) {
      const mode = access ?? (producedTopics.has(name) ? 'consume' : 'produce');
      const topic: TopicDependency = mode === 'produce' ? { name, access: mode, partitions: DEFAULT_PARTITIONS } : { name, access: mode };
      dependencies.topics.push(topic);
    } else if (kind === 'bucket' && name && (access === undefined || access === 'read' || access === 'write' || access === 'readwrite')) {
      dependencies.buckets.push({ name, access: access ?? 'read' });
    } else if (kind === 'secret' && name && access === undefined) dependencies.secrets.push(name);
    else unknown(need);
  }
  return { dependencies, problems };
}
