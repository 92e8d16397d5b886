/**
 * Name lists of a bit mask (flag names, signal names), built once per mask value and frozen, so
 * every snapshot that shows the same mask shares one array.
 */
export class NameLists<N extends string> {
  private readonly lists = new Map<number, readonly N[]>();

  constructor(private readonly names: (bits: number) => N[]) {}

  of(bits: number): N[] {
    let l = this.lists.get(bits);
    if (l === undefined) {
      l = Object.freeze(this.names(bits));
      this.lists.set(bits, l);
    }
    // Frozen: the ProcView type says string[], but no reader may change a snapshot.
    return l as N[];
  }
}
