import type { Snapshot, Step } from '../interleaving';

/**
 * The steps of a run so far, so a sleeper's completion can be matched with the call that slept, and
 * the caller's pgid at each call (what kern_wait's pid 0 stands for, kern_exit.c:664-668).
 */
export class StepHistory {
  private readonly steps: Step[] = [];
  private readonly pgids: number[] = [];

  /** Notes step `index` and its caller's pgid in `before` (0 without a snapshot); the same step again is a no-op. */
  record(ctx: { index: number; step: Step; before: Snapshot | null }): void {
    if (this.steps[ctx.index] === ctx.step) return;
    this.steps[ctx.index] = ctx.step;
    this.pgids[ctx.index] = ctx.before === null ? 0 : pgidOf(ctx.before, ctx.step.pid);
  }

  /** The step that issued the call an observation belongs to. */
  issuedBy(index: number): Step | undefined {
    return this.steps[index];
  }

  /** The caller's pgid when it issued step `index` (what kern_wait's pid 0 stands for). */
  callerPgid(index: number): number {
    return this.pgids[index] ?? 0;
  }
}

/** The pgid of `pid` in a snapshot, 0 if it is not there (a plain loop: this runs on every step). */
function pgidOf(s: Snapshot, pid: number): number {
  const { procs } = s;
  for (let i = 0; i < procs.length; i++) if (procs[i].pid === pid) return procs[i].pgid;
  return 0;
}
