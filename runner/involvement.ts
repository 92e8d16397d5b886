import type { Observation, Step, StepResult } from '../interleaving';
import type { Involvement } from './check';

/** Whether an observation is a wait4 or owait that returned a child's pid (a wait report). */
export function isWaitReport(o: Observation): o is Observation & { ret: number } {
  return (o.call === 'wait4' || o.call === 'owait') && o.kind === 'return' && !o.errno && o.ret !== undefined && o.ret > 0;
}

/** Whether a step's observations include a wait report. */
export function reportsAWait(result: StepResult): boolean {
  return result.observations.some(isWaitReport);
}

/** Whether a step is one an invariant with this involvement can fail on (`reported`: reportsAWait of its result). */
export function involves(inv: Involvement, step: Step, reported: boolean): boolean {
  return inv.calls.includes(step.call) || (inv.waitReports === true && reported);
}
