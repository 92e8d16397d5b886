import type { Config } from '../interleaving';
import type { CheckContext, CheckMode, Invariant, InvariantRun } from './check';
import { involves, reportsAWait } from './involvement';

/** Per-property tallies: how many steps a property was checked on, failed on, or skipped for. */
export interface StepCounts {
  checked: number;
  failed: number;
  skipped: number;
}

/**
 * Why a run failed. `property` is an invariant name, or `differential` (the result differs from the
 * reference), `implementation` (the target crashed, hung or broke the protocol) or `rejected` (the
 * target rejected a step the reference took, or the other way round).
 */
export interface Failure {
  property: string;
  step: number;
  message: string;
}

/** What a step gives the checks: a snapshot pair, a trace, md calls (bit 1, 2, 4). */
const SNAPSHOTS = 1;
const TRACE = 2;
const MD = 4;

function needsOf(inv: Invariant): number {
  return (inv.needs.includes('snapshot') ? SNAPSHOTS : 0) | (inv.needs.includes('trace') ? TRACE : 0) | (inv.needs.includes('md') ? MD : 0);
}

/**
 * The invariants of one run: their per-run state, and their tallies. A step's tallies depend only on
 * what it gives (snapshots, trace, md), so they are counted once per step by that, and shared out to
 * the invariants when the run ends (`tallyInto`): the loop over the invariants only calls them.
 */
export class RunChecks {
  private readonly runs: InvariantRun[];
  /** Each run's check, bound to it: the loop calls them without a property load on runs of many shapes (a megamorphic lookup each). */
  private readonly checks: InvariantRun['check'][];
  private readonly needs: number[];
  /** Per kind of step (what it gives), the invariants it runs, in catalogue order (made on first use). */
  private readonly runnable: (readonly number[] | undefined)[] = [];
  /** Steps of each kind. */
  private readonly stepsOf: number[] = [0, 0, 0, 0, 0, 0, 0, 0];
  private readonly failed: number[];
  /** Steps an invariant was not reached on (the run stopped at an earlier one's failure), that it would have been checked or skipped on. */
  private readonly unreachedChecked: number[];
  private readonly unreachedSkipped: number[];
  /** Incrementally, the invariants that declare the only steps they can fail on. */
  private readonly selective: boolean[];
  private readonly anySelective: boolean;

  constructor(
    private readonly invariants: readonly Invariant[],
    config: Config,
    mode: CheckMode,
  ) {
    this.runs = invariants.map((inv) => inv.start(config));
    this.checks = this.runs.map((run) => run.check.bind(run));
    this.needs = invariants.map(needsOf);
    this.failed = invariants.map(() => 0);
    this.unreachedChecked = invariants.map(() => 0);
    this.unreachedSkipped = invariants.map(() => 0);
    this.selective = invariants.map((inv) => mode === 'incremental' && inv.involves !== undefined);
    this.anySelective = this.selective.includes(true);
  }

  /** Runs every invariant on one step; true when the run must stop. */
  step(ctx: CheckContext, fail: (f: Failure) => boolean): boolean {
    const kind = (ctx.after !== null && ctx.before !== null ? SNAPSHOTS : 0) | (ctx.result.trace !== undefined ? TRACE : 0) | (ctx.result.md !== undefined ? MD : 0);
    const list = (this.runnable[kind] ??= this.needs.flatMap((n, i) => ((n & kind) === n ? [i] : [])));
    this.stepsOf[kind]++;
    let reported: boolean | undefined;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      // A step the invariant cannot fail on: it holds there by what it states (counted as checked).
      if (this.anySelective && this.selective[i] && !involves(this.invariants[i].involves!, ctx.step, (reported ??= reportsAWait(ctx.result)))) continue;
      const message = this.checks[i](ctx);
      if (message === null) continue;
      this.failed[i]++;
      if (fail({ property: this.invariants[i].name, step: ctx.index, message })) {
        for (let j = i + 1; j < this.needs.length; j++) {
          if ((this.needs[j] & kind) === this.needs[j]) this.unreachedChecked[j]++;
          else this.unreachedSkipped[j]++;
        }
        return true;
      }
    }
    return false;
  }

  /** The end-of-run checks, after the last step. */
  finish(last: CheckContext | null, fail: (f: Failure) => boolean): void {
    this.invariants.forEach((inv, i) => {
      const message = this.runs[i].finish?.(last) ?? null;
      if (message !== null) {
        this.failed[i]++;
        fail({ property: inv.name, step: last?.index ?? -1, message });
      }
    });
  }

  /** Adds this run's tallies to `counts` (an entry for every invariant the run reached, in catalogue order). */
  tallyInto(counts: Record<string, StepCounts>): void {
    this.invariants.forEach((inv, i) => {
      let checked = -this.unreachedChecked[i];
      let skipped = -this.unreachedSkipped[i];
      this.stepsOf.forEach((n, kind) => {
        if ((this.needs[i] & kind) === this.needs[i]) checked += n;
        else skipped += n;
      });
      if (checked + skipped + this.failed[i] === 0) return;
      const c = (counts[inv.name] ??= { checked: 0, failed: 0, skipped: 0 });
      c.checked += checked;
      c.skipped += skipped;
      c.failed += this.failed[i];
    });
  }
}
