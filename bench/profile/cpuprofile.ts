/** The part of V8's .cpuprofile format the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  samples?: number[];
}

/** One function's share of the samples it was on top of the stack for (self time). */
export interface HotSpot {
  fn: string;
  /** `dist/oracle/kernel/kernel.js:12` style, relative to `root` when inside it. */
  where: string;
  selfPercent: number;
}

/** The functions with the most self time, merged by function and location, highest first. */
export function hotSpots(p: CpuProfile, root: string, top = 12): HotSpot[] {
  const hits = new Map<string, { fn: string; where: string; n: number }>();
  let total = 0;
  for (const node of p.nodes) {
    const n = node.hitCount ?? 0;
    total += n;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const where = file === '' ? '(native)' : `${file.startsWith(root) ? file.slice(root.length + 1) : file}:${lineNumber + 1}`;
    const fn = functionName || '(anonymous)';
    const key = `${fn} ${where}`;
    const e = hits.get(key) ?? { fn, where, n: 0 };
    e.n += n;
    hits.set(key, e);
  }
  return [...hits.values()]
    .sort((a, b) => b.n - a.n || a.where.localeCompare(b.where) || a.fn.localeCompare(b.fn))
    .slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, selfPercent: total === 0 ? 0 : (100 * e.n) / total }));
}

/** A function by name and the file (compiled, under dist/) it is defined in. */
export interface FrameName {
  fn: string;
  /** The end of its script's path, e.g. `properties/generators/generate.js`. */
  file: string;
}

/**
 * The share of all samples taken while any of `frames` was on the stack (inclusive time: the function
 * and everything it called), each sample counted once however many of them it was under.
 */
export function inclusiveShare(p: CpuProfile, frames: readonly FrameName[]): number {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const isChild = new Set(p.nodes.flatMap((n) => n.children ?? []));
  const matches = (n: CpuProfile['nodes'][number]) => frames.some((f) => n.callFrame.functionName === f.fn && n.callFrame.url.endsWith(f.file));
  let total = 0;
  let under = 0;
  // Depth first from the roots, carrying whether a frame above matched.
  const stack = p.nodes.filter((n) => !isChild.has(n.id)).map((n) => ({ n, inside: false }));
  while (stack.length > 0) {
    const { n, inside } = stack.pop()!;
    const here = inside || matches(n);
    total += n.hitCount ?? 0;
    if (here) under += n.hitCount ?? 0;
    for (const c of n.children ?? []) stack.push({ n: byId.get(c)!, inside: here });
  }
  return total === 0 ? 0 : under / total;
}
