import type { Implementation, Observation, Snapshot, Step, StepResult } from '../../interleaving';

/** A small wrong variant of an implementation: it corrupts one thing in results or snapshots. */
export interface Deviation {
  /** The invariant this deviation must trip. */
  invariant: string;
  /** What is wrong, in words. */
  what: string;
  /** Replace a step's result (`after` is the true state after the step; `memo` lives for one run). */
  result?: (step: Step, r: StepResult, after: Snapshot, memo: Map<string, unknown>) => StepResult;
  /** Corrupt a snapshot (it is a private copy). */
  snapshot?: (s: Snapshot) => Snapshot;
  /** Answer a step without applying it (null: apply it). */
  intercept?: (step: Step, index: number) => StepResult | null;
}

/** Wraps an implementation so that it deviates as described. */
export function deviant(base: Implementation, d: Deviation): Implementation {
  let memo = new Map<string, unknown>();
  let index = 0;
  const snap = (): Snapshot => structuredClone(base.snapshot!() as Snapshot);
  return {
    name: `${base.name}+${d.invariant}-deviation`,
    reset(config) {
      memo = new Map();
      index = 0;
      return base.reset(config);
    },
    apply(step) {
      const i = index++;
      const faked = d.intercept?.(step, i);
      if (faked) return faked;
      const r = structuredClone(base.apply(step) as StepResult);
      return d.result ? d.result(step, r, snap(), memo) : r;
    },
    snapshot() {
      const s = snap();
      return d.snapshot ? d.snapshot(s) : s;
    },
  };
}

/** The caller's own observation of a step. */
export const own = (r: StepResult): Observation => r.observations[0];
