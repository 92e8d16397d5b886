/** Read-only lookups by id (what the invariants ask of a Map). */
export interface ById<T> {
  get(id: number): T | undefined;
  has(id: number): boolean;
  /** How many distinct ids. */
  readonly size: number;
}

/** A Map of a list's entries by id (the last entry wins on a repeated id). */
function mapById<T>(list: readonly T[], id: (t: T) => number): Map<number, T> {
  const m = new Map<number, T>();
  for (let i = 0; i < list.length; i++) m.set(id(list[i]), list[i]);
  return m;
}

/**
 * Lookups by binary search in a list sorted by id, as the Snapshot contract keeps them: nothing is
 * built per snapshot, and a lookup costs log n. A repeated id finds its last entry, as a Map
 * filled in list order would.
 */
class SortedById<T> implements ById<T> {
  constructor(
    private readonly list: readonly T[],
    private readonly id: (t: T) => number,
    readonly size: number,
  ) {}

  get(x: number): T | undefined {
    const { list, id } = this;
    let lo = 0;
    let hi = list.length;
    // The first entry with an id above x; the entry before it is the last with an id at most x.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (id(list[mid]) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && id(list[lo - 1]) === x ? list[lo - 1] : undefined;
  }

  has(x: number): boolean {
    return this.get(x) !== undefined;
  }
}

/** Lookups by id over a list: by binary search when it is sorted, else through a Map. */
export function byId<T>(list: readonly T[], id: (t: T) => number): ById<T> {
  let distinct = list.length > 0 ? 1 : 0;
  for (let i = 1; i < list.length; i++) {
    const step = id(list[i]) - id(list[i - 1]);
    if (step < 0) return mapById(list, id);
    if (step > 0) distinct++;
  }
  return new SortedById(list, id, distinct);
}
