import type { Step } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';

/** The steps of a run so far, so a sleeper's completion can be matched with the call that slept. */
export class StepHistory {
  private readonly steps: Step[] = [];

  record(ctx: CheckContext): void {
    this.steps[ctx.index] = ctx.step;
  }

  /** The step that issued the call an observation belongs to. */
  issuedBy(index: number): Step | undefined {
    return this.steps[index];
  }
}
