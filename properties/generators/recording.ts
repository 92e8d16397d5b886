import type { Step, StepResult } from '../../interleaving';
import { StepRejected } from '../../interleaving';
import type { SyncModel } from './sync-model';

/** The steps the model took during generation, each with the model's result. */
export class Recording {
  readonly steps: Step[] = [];
  readonly results: StepResult[] = [];

  constructor(private readonly model: SyncModel) {}

  /** Applies the step to the model and keeps it with its result; null (and nothing kept) if the model rejects it. */
  take(step: Step): StepResult | null {
    let result: StepResult;
    try {
      result = this.model.apply(step);
    } catch (e) {
      if (e instanceof StepRejected) return null;
      throw e;
    }
    this.steps.push(step);
    this.results.push(result);
    return result;
  }
}
