/** The summary of repeated measurements: the median and the spread (lowest and highest). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median and spread of a non-empty list. */
export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/**
 * Per-run ratios a/b of two series measured side by side (run i of a beside run i of b), so that
 * machine noise shared by a run cancels out.
 */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new RangeError(`ratio of series of different lengths (${a.length} and ${b.length})`);
  return a.map((x, i) => x / b[i]);
}

/** Seconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
