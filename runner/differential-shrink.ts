import type { Implementation, Interleaving } from '../interleaving';
import type { CheckMode, Invariant } from './check';
import type { CompareOptions } from './compare';
import { execute, type Failure } from './execute';
import type { KnownDivergences } from './known-divergences';
import { shrink, type ShrinkResult } from './shrink';

/** What a replay on the target needs: the reference to compare with and the invariants to run. */
export interface Judge {
  target: Implementation;
  reference?: Implementation;
  invariants: readonly Invariant[];
  /** How the invariants judge the table (default DEFAULT_CHECK_MODE). */
  checkMode?: CheckMode;
  compare?: Partial<CompareOptions>;
  /** The pid each step created, for the shrinker's pid renumbering (default: its own guess). */
  createdPids?: (il: Interleaving) => (number | null)[] | Promise<(number | null)[]>;
  /** The target's known divergences: a replay that only shows one of them does not count as failing. */
  known?: KnownDivergences;
  /**
   * How many leading steps of an interleaving the target can be pinned on (a real kernel cannot
   * order the processes of a race: properties/divergences/linux-interleavings.ts, cutAtRaces); a
   * failure at or after that step does not count, so shrinking cannot slip into a race. Default: all.
   */
  orderable?: (il: Interleaving) => number;
}

/**
 * The failure of one replay on the target, or null (passes, invalid from a rejected step, fails
 * only by a known divergence, so that shrinking an unknown failure cannot slip into a known one,
 * or fails only where the target cannot be pinned: see Judge.orderable).
 */
export async function replayFailure(judge: Judge, il: Interleaving): Promise<Failure | null> {
  const outcome = await execute(judge.target, il, { invariants: judge.invariants, checkMode: judge.checkMode, reference: judge.reference, compare: judge.compare });
  const f = outcome.failure;
  if (f === null || judge.known?.classify(il, f, outcome.results)) return null;
  return judge.orderable !== undefined && f.step >= judge.orderable(il) ? null : f;
}

/**
 * Shrink a failing interleaving by replaying candidates on the target itself (kept alive between
 * replays), keeping only candidates that fail the same property.
 */
export function shrinkOnTarget(judge: Judge, il: Interleaving, failure: Failure, maxReplays?: number): Promise<ShrinkResult> {
  return shrink(il, failure, (candidate) => replayFailure(judge, candidate), { maxReplays, createdPids: judge.createdPids });
}
