/**
 * The per-uid process counts as a frozen record, the previous record itself while no count changed.
 * The counts last recorded are kept as (uid, count) pairs: the same number of uids, each with its
 * count, is the same record, found with a lookup per uid and no walk of the map.
 */
export class UidCounts {
  private readonly uids: number[] = [];
  private readonly counts: number[] = [];
  private last: Record<number, number> = Object.freeze({});

  record(counts: ReadonlyMap<number, number>): Record<number, number> {
    if (this.holds(counts)) return this.last;
    const uids = this.uids;
    const ns = this.counts;
    uids.length = 0;
    ns.length = 0;
    counts.forEach((n, uid) => {
      uids.push(uid);
      ns.push(n);
    });
    // Integer keys: the record lists them by increasing uid whatever their order here.
    const out: Record<number, number> = {};
    for (let j = 0; j < uids.length; j++) out[uids[j]] = ns[j];
    return (this.last = Object.freeze(out));
  }

  private holds(counts: ReadonlyMap<number, number>): boolean {
    const uids = this.uids;
    if (counts.size !== uids.length) return false;
    for (let j = 0; j < uids.length; j++) if (counts.get(uids[j]) !== this.counts[j]) return false;
    return true;
  }
}
