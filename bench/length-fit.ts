/** A timed pass: how many interleavings and steps ran, in how many seconds. */
export interface Pass {
  runs: number;
  steps: number;
  seconds: number;
}

/**
 * What one interleaving costs as a line in its length, in seconds: at no steps (a fixed part, which
 * comes out negative when steps cost more in longer runs) and per step.
 */
export interface LengthFit {
  perRun: number;
  perStep: number;
}

/**
 * The cost of one interleaving as a line through two passes of different lengths (seconds per
 * interleaving against steps per interleaving): what it would cost at another length.
 */
export function lengthFit(short: Pass, long: Pass): LengthFit {
  const l1 = short.steps / short.runs;
  const l2 = long.steps / long.runs;
  if (!(l2 > l1)) throw new RangeError(`a length fit needs a longer second pass (${l1.toFixed(1)} and ${l2.toFixed(1)} steps per interleaving)`);
  const t1 = short.seconds / short.runs;
  const t2 = long.seconds / long.runs;
  const perStep = (t2 - t1) / (l2 - l1);
  return { perRun: t1 - perStep * l1, perStep };
}

/** Seconds per interleaving of `length` steps under the fit. */
export function secondsAt(fit: LengthFit, length: number): number {
  return fit.perRun + fit.perStep * length;
}

/** Adds passes up. */
export function total(passes: readonly Pass[]): Pass {
  return passes.reduce((a, p) => ({ runs: a.runs + p.runs, steps: a.steps + p.steps, seconds: a.seconds + p.seconds }), { runs: 0, steps: 0, seconds: 0 });
}
