/**
 * The last view built for one kernel object. `current` gives it back while it still shows the
 * object (the same frozen view, shared with the previous snapshot) and builds a new one otherwise.
 */
export interface ViewEntry<S, V> {
  readonly source: S;
  current(): V;
}

/**
 * A table's views sorted by id, with the previous array given back when no view changed. Entries are
 * kept in the table's order of the last walk, so the walk finds each object's entry at its place,
 * one further after a deletion, and searches only for an object that moved.
 */
export class ViewTable<S, V> {
  private entries: ViewEntry<S, V>[] = [];
  private spare: ViewEntry<S, V>[] = [];
  private readonly views: V[] = [];

  constructor(
    private readonly entry: (source: S) => ViewEntry<S, V>,
    private readonly id: (v: V) => number,
  ) {}

  sorted(table: ReadonlyMap<number, S>, prev: readonly V[] | undefined): V[] {
    const old = this.entries;
    const next = this.spare;
    const views = this.views;
    let same = prev !== undefined && prev.length === table.size;
    let ordered = true;
    let lastId = -Infinity;
    let n = 0;
    let at = 0;
    // values(), not forEach: no closure per walk, and V8 elides the iterator's results.
    for (const s of table.values()) {
      const i = at < old.length && old[at].source === s ? at : indexOf(old, s);
      const e = i < 0 ? this.entry(s) : old[i];
      if (i >= 0) at = i + 1;
      const v = e.current();
      next[n] = e;
      views[n] = v;
      same &&= prev![n] === v;
      const id = this.id(v);
      ordered &&= id > lastId;
      lastId = id;
      n++;
    }
    // Setting a length is a runtime call, even to the length it has.
    if (next.length !== n) next.length = n;
    this.entries = next;
    this.spare = old;
    // Element for element the previous (sorted) array: nothing changed.
    if (same) return prev as V[];
    if (views.length !== n) views.length = n;
    // Tables are keyed by id and mostly filled in id order; a reused pid breaks the order.
    if (!ordered) views.sort((x, y) => this.id(x) - this.id(y));
    return views.slice();
  }
}

function indexOf<S, V>(entries: readonly ViewEntry<S, V>[], s: S): number {
  for (let i = 0; i < entries.length; i++) if (entries[i].source === s) return i;
  return -1;
}
