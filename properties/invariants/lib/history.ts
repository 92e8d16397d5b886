import type { Step } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';
import { procsByPid } from './procs';

/** The steps of a run so far, so a sleeper's completion can be matched with the call that slept. */
export class StepHistory {
  private readonly steps: Step[] = [];
  private readonly pgids: number[] = [];

  record(ctx: CheckContext): void {
    this.steps[ctx.index] = ctx.step;
    this.pgids[ctx.index] = (ctx.before && procsByPid(ctx.before).get(ctx.step.pid)?.pgid) ?? 0;
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
