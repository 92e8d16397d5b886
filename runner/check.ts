import type { Config, Snapshot, Step, StepResult } from '../interleaving';

/** What a check sees after one step. */
export interface CheckContext {
  config: Config;
  index: number;
  step: Step;
  result: StepResult;
  /** The snapshot before this step (null for implementations without snapshots). */
  before: Snapshot | null;
  /** The snapshot after this step (null for implementations without snapshots). */
  after: Snapshot | null;
}

/** A named invariant: a one-line statement, where it comes from, and a per-run checker. */
export interface Invariant {
  readonly name: string;
  readonly statement: string;
  /** Seed lines (`kern_exit.c:422-440`) or semantics.md sections it comes from. */
  readonly source: string;
  /** What the check needs; it is skipped (and counted as skipped) where the target lacks it. */
  readonly needs: readonly ('snapshot' | 'trace' | 'md')[];
  /** Fresh per-run state (for checks over the history of a run). */
  start(config: Config): InvariantRun;
}

export interface InvariantRun {
  /** null when the invariant holds, else a message naming pids and values. */
  check(ctx: CheckContext): string | null;
  /** Optional end-of-run check (after the last step). */
  finish?(last: CheckContext | null): string | null;
}
