/**
 * The numbers one view was built from, kept in place: each new reading is compared with the last as
 * it is written, so an unchanged object costs its reads and no allocation.
 */
export class Inputs {
  private readonly values: number[] = [];
  private n = 0;
  private changed = false;

  begin(): void {
    this.n = 0;
    this.changed = false;
  }

  put(x: number): this {
    if (this.n >= this.values.length || this.values[this.n] !== x) {
      this.values[this.n] = x;
      this.changed = true;
    }
    this.n++;
    return this;
  }

  /** Whether this reading differs from the previous one. */
  end(): boolean {
    if (this.n !== this.values.length) {
      this.values.length = this.n;
      this.changed = true;
    }
    return this.changed;
  }
}

/**
 * The last view built for each kernel object, with the inputs it was built from: a view is rebuilt
 * only when one of its inputs changed, otherwise the same frozen view is shared with the previous
 * snapshot. `inputs` must put every number `build` reads (see procInputs). Entries are kept by id
 * (pid, pgid, sid) and belong to one object: a reused id with a new object starts afresh.
 */
export class ViewCache<S extends object, V> {
  private readonly entries = new Map<number, { source: S; inputs: Inputs; view: V }>();

  constructor(
    private readonly inputs: (source: S, into: Inputs) => void,
    private readonly build: (source: S) => V,
  ) {}

  viewOf(id: number, source: S): V {
    let e = this.entries.get(id);
    if (e === undefined || e.source !== source) {
      e = { source, inputs: new Inputs(), view: undefined as V };
      this.entries.set(id, e);
    }
    e.inputs.begin();
    this.inputs(source, e.inputs);
    if (e.inputs.end()) e.view = this.build(source);
    return e.view;
  }
}
