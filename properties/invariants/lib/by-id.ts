/** Read-only lookups by id (what the invariants ask of a Map). */
export interface ById<T> {
  get(id: number): T | undefined;
  has(id: number): boolean;
  /** How many distinct ids. */
  readonly size: number;
}

/** A Map of a list's entries by id (the last entry wins on a repeated id). */
function mapById<T>(list: readonly T[], ids: readonly number[]): Map<number, T> {
  const m = new Map<number, T>();
  for (let i = 0; i < list.length; i++) m.set(ids[i], list[i]);
  return m;
}

/**
 * Lookups in a list sorted by id, as the Snapshot contract keeps them, through its ids read once
 * into a plain number array: a lookup compares numbers and calls nothing (tables hold a handful of
 * entries, so a scan from the end beats a binary search below 16). A repeated id finds its last
 * entry, as a Map filled in list order would.
 */
class SortedById<T> implements ById<T> {
  constructor(
    private readonly list: readonly T[],
    private readonly ids: readonly number[],
    readonly size: number,
  ) {}

  /** The position of the last entry with id x, or -1. */
  private find(x: number): number {
    const { ids } = this;
    let hi = ids.length;
    if (hi > 16) {
      // The first entry with an id above x; the entry before it is the last with an id at most x.
      let lo = 0;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && ids[lo - 1] === x ? lo - 1 : -1;
    }
    while (hi > 0 && ids[hi - 1] > x) hi--;
    return hi > 0 && ids[hi - 1] === x ? hi - 1 : -1;
  }

  get(x: number): T | undefined {
    const at = this.find(x);
    return at < 0 ? undefined : this.list[at];
  }

  has(x: number): boolean {
    return this.find(x) >= 0;
  }
}

/** Lookups by id over a list: by search when it is sorted, else through a Map. */
export function byId<T>(list: readonly T[], id: (t: T) => number): ById<T> {
  const ids: number[] = [];
  let distinct = 0;
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const x = id(list[i]);
    ids.push(x);
    if (i === 0 || x > ids[i - 1]) distinct++;
    else if (x < ids[i - 1]) sorted = false;
  }
  return sorted ? new SortedById(list, ids, distinct) : mapById(list, ids);
}
