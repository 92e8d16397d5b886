import type { Implementation, Interleaving, ProfileName } from '../interleaving';
import type { Invariant } from '../runner/check';
import type { ExecuteOptions, ExecuteOutcome, Failure } from '../runner/execute';
import { executeSync } from '../runner/execute';
import type { ShrinkResult } from '../runner/shrink';
import { shrink } from '../runner/shrink';
import { createdPidsOn } from './created-pids';
import { generateInterleaving } from './generators/generate';

export interface RunOneOptions {
  /** Guides generation and, by default, is the target too. */
  model: Implementation;
  /** The implementation checked (default: the model). Must answer synchronously. */
  target?: Implementation;
  checks: readonly Invariant[];
  maxSteps?: number;
  profile?: ProfileName;
  execute?: Omit<ExecuteOptions, 'invariants'>;
}

/** Generates the interleaving of one run seed and checks it on the target. */
export function runOne(seed: number, o: RunOneOptions): { interleaving: Interleaving; outcome: ExecuteOutcome } {
  const interleaving = generateInterleaving(seed, { model: o.model, maxSteps: o.maxSteps, profile: o.profile });
  const outcome = executeSync(o.target ?? o.model, interleaving, { ...o.execute, invariants: o.checks });
  return { interleaving, outcome };
}

/** Shrinks a failing interleaving on the target with the same checks (invalid candidates do not count). */
export function shrinkOn(target: Implementation, model: Implementation, checks: readonly Invariant[], il: Interleaving, failure: Failure): Promise<ShrinkResult> {
  const fails = (candidate: Interleaving): Failure | null => {
    const out = executeSync(target, candidate, { invariants: checks });
    return out.rejectedAt === null ? out.failure : null;
  };
  return shrink(il, failure, fails, { createdPids: (c) => createdPidsOn(model, c) });
}
