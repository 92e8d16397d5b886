/** The entries of `a` that `b` lacks, in `a`'s order (by scanning short lists, through a set for long ones). */
export function listDifference(a: readonly number[], b: readonly number[] | undefined): readonly number[] {
  if (b === undefined || b.length === 0) return a;
  if (a.length * b.length <= 256) return a.filter((x) => !b.includes(x));
  const drop = new Set(b);
  return a.filter((x) => !drop.has(x));
}
