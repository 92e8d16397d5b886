import type { ProcView, Snapshot, StepResult } from '../../interleaving';
import type { CheckContext, Invariant } from '../../runner/check';
import { historyOf, StepHistory } from './lib/history';
import { Induction } from './lib/induction';
import { isStopped, procsOf } from './lib/procs';
import type { TableChanges } from './lib/table-changes';

/**
 * Issue 2 item 4, §9.2: only an awake process makes a call; a call that sleeps stays pending until
 * exactly one completion, in the observations of a later step (or of its own step), and meanwhile
 * the process is asleep in it, or stopped with the call to be restarted (a traced sleeper).
 */
export const sleeperNeverActs: Invariant = {
  name: 'sleeper-never-acts',
  statement: 'a sleeping, stopped or dead process never makes a call, and every call that sleeps completes exactly once',
  source: 'kern_exit.c:842-850 (wait sleep), 208-220 (exit1 sleep); semantics.md §3.1 vfork, §9.2',
  needs: ['snapshot'],
  start() {
    const own = new StepHistory();
    const pending = new PendingCalls();
    const induction = new Induction();
    /** The last `after` the whole check passed on. */
    const passed: { after: Snapshot | null } = { after: null };
    return { check: (ctx) => induction.judged(ctx, checkStep(ctx, historyOf(ctx, own), pending, induction.changes(ctx), passed)) };
  },
};

/** Calls that slept and have not completed, in the order they slept: pid → index of the step that issued them. */
class PendingCalls {
  readonly pids: number[] = [];
  readonly steps: number[] = [];

  get(pid: number): number | undefined {
    const k = this.pids.indexOf(pid);
    return k < 0 ? undefined : this.steps[k];
  }

  /** Notes the call of a pid with none pending. */
  add(pid: number, step: number): void {
    this.pids.push(pid);
    this.steps.push(step);
  }

  delete(pid: number): void {
    const k = this.pids.indexOf(pid);
    if (k < 0) return;
    this.pids.splice(k, 1);
    this.steps.splice(k, 1);
  }
}

/**
 * The sleepers of `after` to judge, in pid order. Incrementally, an unchanged process whose pending
 * call did not change held in `before` (it is judged on the same two facts), so only a changed or
 * new one, or one whose call started or completed in this step, can be at fault.
 */
function sleepersToJudge(after: Snapshot, changes: TableChanges | null, result: StepResult): readonly ProcView[] {
  if (changes === null) return after.procs;
  const { fresh } = changes.procs;
  const { observations } = result;
  if (observations.length === 1 && fresh.length === 0) return fresh;
  const procs = procsOf(after);
  const out = fresh.filter((p) => p.sleeping !== null);
  for (const o of observations) {
    const p = procs.get(o.pid);
    if (p?.sleeping && !out.includes(p)) out.push(p);
  }
  return out.sort((x, y) => x.pid - y.pid);
}

function checkStep(ctx: CheckContext, history: StepHistory, pending: PendingCalls, changes: TableChanges | null, passed: { after: Snapshot | null }): string | null {
  const { index, step, result, before, after } = ctx;
  const lastPassed = passed.after;
  passed.after = null;
  const was = procsOf(before!);
  const now = procsOf(after!);
  const caller = was.get(step.pid);
  if (!caller) return `pid ${step.pid} does not exist but made a call`;
  if (caller.state !== 'NORMAL') return `${caller.state} pid ${step.pid} made a call`;
  if (caller.sleeping) return `pid ${step.pid}, asleep in ${caller.sleeping.chan} since step ${caller.sleeping.step}, made a call`;
  if (isStopped(caller)) return `stopped pid ${step.pid} made a call`;
  if (pending.get(step.pid) !== undefined) return `pid ${step.pid} made a call while its call of step ${pending.get(step.pid)} was pending`;
  const own = result.observations[0];
  if (!own || own.pid !== step.pid || own.step !== index) return `the first observation is not the caller's call of step ${index}`;
  if (own.kind === 'sleep') pending.add(step.pid, index);
  // In full, an unchanged table after a pass on it, with no call slept or completed now: judged there on the same pending calls.
  const same = changes === null && after === before && before === lastPassed && own.kind !== 'sleep' && result.observations.length === 1;
  for (let i = 1; i < result.observations.length; i++) {
    const o = result.observations[i];
    if (pending.get(o.pid) !== o.step) return `pid ${o.pid} completed the call of step ${o.step}, which was not pending`;
    if (o.kind === 'sleep') return `pid ${o.pid}'s completion is another sleep`;
    pending.delete(o.pid);
  }
  if (same) {
    passed.after = after;
    return null;
  }
  const sleepers = sleepersToJudge(after!, changes, result);
  for (let i = 0; i < sleepers.length; i++) {
    const p = sleepers[i];
    if (!p.sleeping) continue;
    // exit1 entered from a signal (not from exit or abort2) sleeps for its peers with no call pending.
    const issued = history.issuedBy(p.sleeping.step);
    const fromSignal = p.sleeping.chan === 'exit1' && !(issued?.pid === p.pid && (issued.call === 'exit' || issued.call === 'abort2'));
    if (!fromSignal && pending.get(p.pid) !== p.sleeping.step) return `pid ${p.pid} is asleep in ${p.sleeping.chan} for step ${p.sleeping.step}, which has no pending call`;
  }
  for (let i = 0; i < pending.pids.length; i++) {
    const pid = pending.pids[i];
    const at = pending.steps[i];
    const p = now.get(pid);
    const waiting = p && p.state === 'NORMAL' && ((p.sleeping && p.sleeping.step === at) || isStopped(p));
    if (!waiting) return `pid ${pid}'s call of step ${at} is neither completed nor still waiting`;
  }
  passed.after = after;
  return null;
}
