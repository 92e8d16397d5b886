/**
 * Frozen counts records by content (`uid:count,` per uid), shared by every snapshot that shows those
 * counts: building and freezing an integer-keyed record costs about 0.5 µs (several with a uid of
 * 1000 or more, which makes its elements a dictionary), and a run shows a few dozen contents at most.
 * Emptied when it grows past RECORDS_KEPT, so a long campaign cannot grow it without bound.
 */
const records = new Map<string, Record<number, number>>();
const RECORDS_KEPT = 4096;

/** The frozen record of the first `size` (uid, count) pairs, `key` naming them. */
function recordOf(key: string, uids: readonly number[], counts: readonly number[], size: number): Record<number, number> {
  let out = records.get(key);
  if (out !== undefined) return out;
  if (records.size >= RECORDS_KEPT) records.clear();
  // Integer keys: the record lists them by increasing uid whatever their order here.
  out = {};
  for (let j = 0; j < size; j++) out[uids[j]] = counts[j];
  records.set(key, Object.freeze(out));
  return out;
}

/**
 * The per-uid process counts as a frozen record, the previous record itself while no count changed.
 * The counts last recorded are kept as (uid, count) pairs: the same number of uids, each with its
 * count, is the same record, found with a lookup per uid and no walk of the map.
 */
export class UidCounts {
  private readonly uids: number[] = [];
  private readonly counts: number[] = [];
  /** How many of the pairs are the last record's (a length set is a runtime call). */
  private size = 0;
  private last: Record<number, number> = Object.freeze({});

  record(counts: ReadonlyMap<number, number>): Record<number, number> {
    if (this.holds(counts)) return this.last;
    let key = '';
    let size = 0;
    for (const [uid, n] of counts) {
      this.uids[size] = uid;
      this.counts[size++] = n;
      key += `${uid}:${n},`;
    }
    this.size = size;
    return (this.last = recordOf(key, this.uids, this.counts, size));
  }

  private holds(counts: ReadonlyMap<number, number>): boolean {
    if (counts.size !== this.size) return false;
    for (let j = 0; j < this.size; j++) if (counts.get(this.uids[j]) !== this.counts[j]) return false;
    return true;
  }
}
