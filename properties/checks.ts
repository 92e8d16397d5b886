import type { Invariant } from '../runner/check';
import { ERRATA } from './errata';
import { INVARIANTS } from './invariants';

/** The checks of a run: the invariant catalogue, plus the errata when hunting them. */
export function checksFor(o: { errata?: boolean } = {}): readonly Invariant[] {
  return o.errata ? [...INVARIANTS, ...ERRATA] : INVARIANTS;
}
