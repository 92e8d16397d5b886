import type { CallName, Config, Snapshot, Step, StepResult } from '../interleaving';
import type { StepHistory } from './step-history';

/**
 * How invariants judge the process table. `full`: every invariant over the whole table after every
 * step; a check may keep what it worked out about a view that the table it last judged whole shares
 * (views are read-only, so a shared view is the same process in the same state). `incremental`: an
 * invariant that held on the step's `before` judges only what the step changed (and what those
 * processes relate to), and one whose `involves` excludes the step is not run; both give the same
 * verdicts (tests/properties/check-modes.test.ts).
 */
export type CheckMode = 'incremental' | 'full';

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
  /** How the table is judged (absent: `full`). */
  mode?: CheckMode;
  /** The run's steps so far, this one included, shared by every check of the run (absent: each keeps its own). */
  history?: StepHistory;
}

/**
 * The steps an invariant can fail on, when that is fewer than all: on any other step its check holds
 * by what it states, so incremental checking does not run it (and counts it as checked).
 */
export interface Involvement {
  /** Steps that make one of these calls. */
  readonly calls: readonly CallName[];
  /** Also steps whose observations include a wait that returned a child (the caller's or a woken sleeper's). */
  readonly waitReports?: boolean;
}

/** A named invariant: a one-line statement, where it comes from, and a per-run checker. */
export interface Invariant {
  readonly name: string;
  readonly statement: string;
  /** Seed lines (`kern_exit.c:422-440`) or semantics.md sections it comes from. */
  readonly source: string;
  /** What the check needs; it is skipped (and counted as skipped) where the target lacks it. */
  readonly needs: readonly ('snapshot' | 'trace' | 'md')[];
  /** The only steps it can fail on (absent: any step). */
  readonly involves?: Involvement;
  /** Fresh per-run state (for checks over the history of a run). */
  start(config: Config): InvariantRun;
}

export interface InvariantRun {
  /** null when the invariant holds, else a message naming pids and values. */
  check(ctx: CheckContext): string | null;
  /** Optional end-of-run check (after the last step). */
  finish?(last: CheckContext | null): string | null;
}
