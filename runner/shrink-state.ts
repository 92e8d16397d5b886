import type { Config, Step } from '../interleaving';
import type { Failure } from './execute';

/**
 * What a shrink pass sees and may do: the current failing interleaving, replays that only look
 * (`probe`) or look and adopt a candidate that still fails (`attempt`), and the pids the current
 * steps created. Every pass is a function of this state, so passes live in their own files.
 */
export interface ShrinkState {
  readonly steps: readonly Step[];
  readonly config: Partial<Config>;
  /** False once the replay budget is spent: passes stop trying. */
  budgetLeft(): boolean;
  /** Replays a candidate (counting it): its failure of the same property, or null; never adopts. */
  probe(candidate: readonly Step[], config?: Partial<Config>): Promise<Failure | null>;
  /** Adopts a failure a probe found (cut after its failing step). */
  adopt(candidate: readonly Step[], failure: Failure, config?: Partial<Config>): void;
  /** probe, then adopt when it still fails; true when adopted. */
  attempt(candidate: readonly Step[], config?: Partial<Config>): Promise<boolean>;
  /** The pid each step created (null for steps that created none); default the current steps. */
  createdPids(steps?: readonly Step[]): Promise<(number | null)[]>;
}

/** A pass: true when it changed the interleaving. */
export type ShrinkPass = (s: ShrinkState) => Promise<boolean>;

/** The executed prefix up to and including the failing step. */
export function cutAfterFailure(steps: readonly Step[], failure: Failure): Step[] {
  return steps.slice(0, Math.max(failure.step + 1, 0));
}
