import type { Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { GROUP_STOP_REPORTED_APART } from './lib/group-stop-reports';
import { historyOf, StepHistory } from './lib/history';
import { PerProcess } from './lib/lifetimes';
import { hasFlag, isStopped, procsOf } from './lib/procs';
import { Tracers } from './lib/tracers';
import { waitReports } from './lib/wait-reports';

/**
 * I8: a stop report sets P_WAITED (kern_exit.c:798-815) and only a new stop clears it, so one stop
 * is reported once. After a report, the next one needs the child seen running or stopped anew, or a
 * ptrace resume of it in the same step. Where a waiter other than the tracer hears of the group stop
 * from a record of its own (Linux), its reports are held to their own rule: once per group stop,
 * which ends when the child is seen out of STOPPED_SIG (the record holds while a tracer runs it).
 */
export const stopReportedOnce: Invariant = {
  name: 'stop-reported-once',
  statement: 'each stop is reported by wait at most once (P_WAITED)',
  source: 'kern_exit.c:798-815; semantics.md §4 I8, §3.9.4',
  needs: ['snapshot'],
  start() {
    const own = new StepHistory();
    const reported = new PerProcess<true>();
    /** Children whose group stop a waiter other than their tracer heard of (GROUP_STOP_REPORTED_APART). */
    const toParent = new PerProcess<true>();
    const tracers = new Tracers();
    /** The last `after` that `reported` was cut down to: with no new report, the same table keeps them all. */
    let cut: Snapshot | null = null;
    return {
      check(ctx) {
        const history = historyOf(ctx, own);
        reported.forgetNew(ctx);
        toParent.forgetNew(ctx);
        tracers.record(ctx);
        // A ptrace resume may run the tracee into a new stop within the same step (sendsig, §3.9.5).
        const { step } = ctx;
        // So may a signal a detach passes on, starting a new group stop (Linux) the table never shows ended.
        if (step.call === 'ptrace' && step.req !== 'PT_ATTACH' && step.req !== 'PT_TRACE_ME') {
          reported.delete(step.target);
          toParent.delete(step.target);
        }
        const reports = waitReports(ctx, history);
        const wasCut = ctx.after !== null && ctx.after === cut;
        cut = null;
        if (reports.length === 0 && (reported.size + toParent.size === 0 || wasCut)) {
          cut = ctx.after;
          return null;
        }
        const before = procsOf(ctx.before!);
        for (let i = 0; i < reports.length; i++) {
          const r = reports[i];
          if (r.what !== 'stop') continue;
          const was = before.get(r.child);
          if (GROUP_STOP_REPORTED_APART[ctx.config.profile] && tracers.of(r.child) !== r.waiter) {
            // Without a status its kind was inferred by FreeBSD's order, which does not hold here: no claim.
            if (r.raw === null) continue;
            if (toParent.has(r.child)) return `the group stop of ${r.child} was reported twice to its parent ${r.waiter}`;
            toParent.set(r.child, true);
            continue;
          }
          if (r.position === 0 && was && (!isStopped(was) || hasFlag(was, 'WAITED'))) {
            return `wait by ${r.waiter} reported a stop of ${r.child}, which was ${isStopped(was) ? 'already reported (P_WAITED)' : 'not stopped'}`;
          }
          if (reported.has(r.child)) return `the stop of ${r.child} was reported twice (last to ${r.waiter})`;
          reported.set(r.child, true);
        }
        const after = procsOf(ctx.after!);
        for (const pid of reported.keys()) {
          const p = after.get(pid);
          if (!p || !(isStopped(p) && hasFlag(p, 'WAITED'))) reported.delete(pid);
        }
        for (const pid of toParent.keys()) {
          const p = after.get(pid);
          if (!p || !hasFlag(p, 'STOPPED_SIG')) toParent.delete(pid);
        }
        cut = ctx.after;
        return null;
      },
    };
  },
};
