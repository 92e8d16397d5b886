import type { Implementation, Interleaving } from '../interleaving';
import type { Invariant } from './check';
import type { CompareOptions } from './compare';
import { execute, type Failure } from './execute';
import { shrink, type ShrinkResult } from './shrink';

/** What a replay on the target needs: the reference to compare with and the invariants to run. */
export interface Judge {
  target: Implementation;
  reference?: Implementation;
  invariants: readonly Invariant[];
  compare?: Partial<CompareOptions>;
}

const CREATING_CALLS = new Set(['fork', 'vfork', 'rfork']);

/**
 * The pid each step created, read off the reference's results (the caller's own observation of a
 * successful fork returns the child's pid), so the shrinker renumbers pids exactly.
 */
async function createdPidsOn(reference: Implementation, il: Interleaving): Promise<(number | null)[]> {
  const { results } = await execute(reference, il);
  return il.steps.map((step, i) => {
    const own = results[i]?.observations[0];
    return CREATING_CALLS.has(step.call) && own && own.errno === undefined && typeof own.ret === 'number' && own.ret > 0 ? own.ret : null;
  });
}

/** The failure of one replay on the target, or null (passes, or invalid from a rejected step). */
export async function replayFailure(judge: Judge, il: Interleaving): Promise<Failure | null> {
  const outcome = await execute(judge.target, il, { invariants: judge.invariants, reference: judge.reference, compare: judge.compare });
  return outcome.failure;
}

/**
 * Shrink a failing interleaving by replaying candidates on the target itself (kept alive between
 * replays), keeping only candidates that fail the same property.
 */
export function shrinkOnTarget(judge: Judge, il: Interleaving, failure: Failure, maxReplays?: number): Promise<ShrinkResult> {
  const reference = judge.reference;
  return shrink(il, failure, (candidate) => replayFailure(judge, candidate), {
    maxReplays,
    ...(reference ? { createdPids: (c: Interleaving) => createdPidsOn(reference, c) } : {}),
  });
}
