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
      result = applyWithoutStacks(this.model, step);
    } catch (e) {
      if (e instanceof StepRejected) return null;
      throw e;
    }
    this.steps.push(step);
    this.results.push(result);
    return result;
  }
}

/**
 * The model's step with stack traces off. A rejection is how generation learns that a step cannot
 * be taken (a fork with no free pid, most often); its stack is never read, and capturing one costs
 * several steps' worth of time. Any other error is the model's bug: it is thrown as it is, saying
 * where to get its stack.
 */
function applyWithoutStacks(model: SyncModel, step: Step): StepResult {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return model.apply(step);
  } catch (e) {
    if (e instanceof Error && !(e instanceof StepRejected)) {
      e.stack = `${e.name}: ${e.message}\n    (no stack: thrown by the model while generating; replay the steps generated so far to see where)`;
    }
    throw e;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
