/**
 * Name lists of a bit mask (flag names, signal names), built once per mask value, so every view
 * that shows the same mask shares one array (which no reader may change).
 */
export class NameLists<N extends string> {
  private readonly lists = new Map<number, N[]>();

  constructor(private readonly names: (bits: number) => N[]) {}

  of(bits: number): N[] {
    let l = this.lists.get(bits);
    if (l === undefined) {
      l = this.names(bits);
      this.lists.set(bits, l);
    }
    return l;
  }
}
