/**
 * The last view built for each kernel object, with the inputs it was built from: a view is rebuilt
 * only when one of its inputs changed, otherwise the same frozen view is shared with the previous
 * snapshot. `inputs` must write every number `build` reads (see procInputs).
 */
export class ViewCache<S extends object, V> {
  private readonly entries = new WeakMap<S, { inputs: number[]; view: V }>();
  private scratch: number[] = [];

  constructor(
    private readonly inputs: (source: S, out: number[]) => void,
    private readonly build: (source: S) => V,
  ) {}

  viewOf(source: S): V {
    const now = this.scratch;
    now.length = 0;
    this.inputs(source, now);
    const e = this.entries.get(source);
    if (e !== undefined && sameNumbers(e.inputs, now)) return e.view;
    const view = this.build(source);
    // The entry keeps this step's inputs; its old array becomes the next scratch.
    this.scratch = e?.inputs ?? [];
    if (e === undefined) this.entries.set(source, { inputs: now, view });
    else {
      e.inputs = now;
      e.view = view;
    }
    return view;
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
