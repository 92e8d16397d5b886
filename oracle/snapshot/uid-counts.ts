/**
 * The per-uid process counts as a frozen record, the previous record itself while no count changed.
 * The counts are kept as (uid, count) pairs in the kernel's order, compared as they are read.
 */
export class UidCounts {
  private readonly uids: number[] = [];
  private readonly counts: number[] = [];
  private last: Record<number, number> = Object.freeze({});

  record(counts: ReadonlyMap<number, number>): Record<number, number> {
    const uids = this.uids;
    const ns = this.counts;
    let changed = counts.size !== uids.length;
    let i = 0;
    for (const [uid, n] of counts) {
      if (uids[i] !== uid || ns[i] !== n) {
        uids[i] = uid;
        ns[i] = n;
        changed = true;
      }
      i++;
    }
    if (!changed) return this.last;
    if (uids.length !== i) {
      uids.length = i;
      ns.length = i;
    }
    // Integer keys: the record lists them by increasing uid whatever their order here.
    const out: Record<number, number> = {};
    for (let j = 0; j < i; j++) out[uids[j]] = ns[j];
    return (this.last = Object.freeze(out));
  }
}
