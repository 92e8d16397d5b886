import { truncate } from './truncate';

/**
 * Views of a kernel table's entries in the order of their numbers (pid, pgid, sid), each entry's
 * view kept from step to step while the entry lives. The table is usually in that order already
 * (numbers wrap rarely), so the list is sorted only when it is not.
 */
export class NumberedViews<E, V> {
  private readonly views = new Map<E, V>();
  /** The entries and views of the last read, in table order: a table that did not change is read without lookups. */
  private readonly entries: E[] = [];
  private readonly list: V[] = [];

  constructor(
    private readonly table: ReadonlyMap<number, E>,
    private readonly number: (v: V) => number,
    private readonly view: (e: E) => V,
  ) {}

  /** The view of one entry (made on first use). */
  viewOf(e: E): V {
    let v = this.views.get(e);
    if (v === undefined) this.views.set(e, (v = this.view(e)));
    return v;
  }

  /** The table's entries now (the list is reused: valid until the next read). */
  read(): readonly V[] {
    const { entries, list } = this;
    let n = 0;
    let changed = false;
    for (const e of this.table.values()) {
      if (entries[n] !== e) {
        entries[n] = e;
        list[n] = this.viewOf(e);
        changed = true;
      }
      n++;
    }
    if (list.length > n) {
      truncate(list, n);
      truncate(entries, n);
      changed = true;
    }
    // Unchanged, the list is the last read's table order, which was in number order (a sorted read leaves entries the table does not match).
    if (changed && !this.inOrder()) {
      const order = list.map((v, i) => ({ v, e: entries[i] })).sort((x, y) => this.number(x.v) - this.number(y.v));
      order.forEach((o, i) => {
        list[i] = o.v;
        entries[i] = o.e;
      });
    }
    return list;
  }

  private inOrder(): boolean {
    const list = this.list;
    for (let i = 1; i < list.length; i++) if (this.number(list[i - 1]) > this.number(list[i])) return false;
    return true;
  }
}
