import type { CheckContext } from '../../../runner/check';
import { StepHistory } from '../../../runner/step-history';

export { StepHistory };

/** The run's shared step history when the runner keeps one, else `own`, brought up to date with this step. */
export function historyOf(ctx: CheckContext, own: StepHistory): StepHistory {
  if (ctx.history) return ctx.history;
  own.record(ctx);
  return own;
}
