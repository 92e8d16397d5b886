/**
 * Values built once per number (a flag mask's name list, a usage record), so every view that shows
 * the same number shares one object, which no reader may change.
 */
export class SharedByValue<V> {
  private readonly values = new Map<number, V>();

  constructor(private readonly make: (key: number) => V) {}

  of(key: number): V {
    let v = this.values.get(key);
    if (v === undefined) {
      v = this.make(key);
      this.values.set(key, v);
    }
    return v;
  }
}
