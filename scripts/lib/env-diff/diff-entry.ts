/** A differ's output before risk assessment: the reported item plus both bodies, which risk rules read. */
export interface DiffEntry<T> {
  item: T;
  before?: unknown;
  after?: unknown;
}
