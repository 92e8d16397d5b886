import type { Fixture, Interleaving, ProfileName } from '../interleaving';
import { FIXTURE_FORMAT, FIXTURE_VERSION } from '../interleaving';
import type { Invariant } from './check';
import { RULE_OF_CALL } from './compare';
import type { Failure } from './execute';

/** Where a failure was found: enough to name the fixture and to find the run again. */
export interface FoundAt {
  target: string;
  profile: ProfileName;
  seed?: number;
  run?: number;
}

/** A file-name-safe, stable name for a failure fixture. */
export function failureName(failure: Failure, at: FoundAt): string {
  const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'target';
  const where = at.seed !== undefined && at.run !== undefined ? `seed${at.seed}-run${at.run}` : 'shrunk';
  return `${slug(at.target)}-${where}-${slug(failure.property)}`;
}

/** The seed lines (or semantics.md section) of the rule a failure is about. */
export function ruleOf(failure: Failure, il: Interleaving, invariants: readonly Invariant[]): string | undefined {
  const inv = invariants.find((i) => i.name === failure.property);
  if (inv) return inv.source;
  const step = il.steps[failure.step];
  return step ? RULE_OF_CALL[step.call] : undefined;
}

/**
 * A found failure as a replayable fixture: the (shrunk) interleaving, and what failed where. It
 * carries no expectations: a replay compares against the oracle, so the fixture stays right if
 * the oracle is corrected.
 */
export function failureFixture(il: Interleaving, failure: Failure, at: FoundAt, invariants: readonly Invariant[]): Fixture {
  const seedLines = ruleOf(failure, il, invariants);
  return {
    format: FIXTURE_FORMAT,
    version: FIXTURE_VERSION,
    name: failureName(failure, at),
    kind: 'failure',
    description: `${failure.property} failed at step ${failure.step} on ${at.target}: ${failure.message}`,
    ...(seedLines ? { source: { seedLines } } : {}),
    profiles: [at.profile],
    config: il.config,
    steps: il.steps,
    found: {
      property: failure.property,
      ...(at.seed !== undefined ? { seed: String(at.seed) } : {}),
      ...(at.run !== undefined ? { run: at.run } : {}),
      step: failure.step,
      target: at.target,
    },
  };
}
