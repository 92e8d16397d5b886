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
  /** Entries of the last walk, at the head of `entries` (the lists are not shortened: a length set is a runtime call). */
  private count = 0;
  private spare: ViewEntry<S, V>[] = [];
  private readonly views: V[] = [];

  constructor(
    private readonly entry: (source: S) => ViewEntry<S, V>,
    private readonly id: (v: V) => number,
  ) {}

  sorted(table: ReadonlyMap<number, S>, prev: readonly V[] | undefined): V[] {
    const old = this.entries;
    const oldCount = this.count;
    const next = this.spare;
    const views = this.views;
    let same = prev !== undefined && prev.length === table.size;
    let ordered = true;
    let lastId = -Infinity;
    let n = 0;
    let at = 0;
    // values(), not forEach: no closure per walk, and V8 elides the iterator's results.
    for (const s of table.values()) {
      const i = at < oldCount && old[at].source === s ? at : indexOf(old, oldCount, s);
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
    this.entries = next;
    this.count = n;
    this.spare = old;
    // Tables are keyed by id and mostly filled in id order; a reused pid breaks the order.
    if (!ordered) {
      sortById(views, n, this.id);
      same = prev !== undefined && prev.length === n && startsWith(views, prev);
    }
    // Element for element the previous (sorted) array: nothing changed.
    if (same) return prev as V[];
    return views.slice(0, n);
  }
}

function indexOf<S, V>(entries: readonly ViewEntry<S, V>[], count: number, s: S): number {
  for (let i = 0; i < count; i++) if (entries[i].source === s) return i;
  return -1;
}

/**
 * Sorts the first `n` views by id in place: an insertion sort, as they are a few and nearly in order
 * (a fifth of the cost of Array.prototype.sort's call into the runtime with a comparator closure).
 * Each view out of order costs a walk back over those before it: a wide table whose pids wrapped
 * pays n per reused pid.
 */
function sortById<V>(views: V[], n: number, id: (v: V) => number): void {
  for (let i = 1; i < n; i++) {
    const v = views[i];
    const key = id(v);
    let j = i - 1;
    for (; j >= 0 && id(views[j]) > key; j--) views[j + 1] = views[j];
    views[j + 1] = v;
  }
}

/** Whether `views` begins with the elements of `prev`, in order. */
function startsWith<V>(views: readonly V[], prev: readonly V[]): boolean {
  for (let i = 0; i < prev.length; i++) if (views[i] !== prev[i]) return false;
  return true;
}
