/**
 * A value worked out from a read-only object, remembered for the last few objects asked about: a
 * lookup compares identities, so an object that comes back (the oracle shares a uid-counts record
 * by content, and a run's counts go up and down) is not worked out again. No WeakMap: an entry per
 * object, for targets that share nothing, costs the collector more than the few kept here.
 */
export class RecentValues<K extends object, V> {
  private readonly keys: K[] = [];
  private readonly values: V[] = [];
  /** Where the next new entry goes, round the `size` slots. */
  private next = 0;

  constructor(
    private readonly size: number,
    private readonly make: (key: K) => V,
  ) {}

  of(key: K): V {
    const { keys } = this;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.values[i];
    const v = this.make(key);
    keys[this.next] = key;
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.size;
    return v;
  }
}
