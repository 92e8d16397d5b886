import type { ProcView, Snapshot } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { abort2Status } from './lib/abort2-status';
import { historyOf, StepHistory } from './lib/history';
import { Induction } from './lib/induction';
import { PerProcess } from './lib/lifetimes';
import { freedPids, procsOf } from './lib/procs';
import { tableIndex } from './lib/table-index';
import { waitReports } from './lib/wait-reports';

const zombie = (p: ProcView | undefined): p is ProcView => p !== undefined && p.state === 'ZOMBIE';

/**
 * X26 (kern_exit.c:444): the zombie keeps the status it exited with, 8 bits of the exit code
 * (kern_exit.c:98) or abort2's signal; wait copies exactly that word out (kern_exit.c:715).
 */
export const exitStatus: Invariant = {
  name: 'exit-status',
  statement: 'a zombie holds the status it exited with, and wait reports exactly that status',
  source: 'kern_exit.c:98, 444, 612, 715; semantics.md §1.1',
  needs: ['snapshot'],
  start() {
    const own = new StepHistory();
    const induction = new Induction();
    const expected = new PerProcess<number>();
    const held = new PerProcess<number>();
    /**
     * The last `after` whose every zombie passed and is in `held`, with no pid twice. As the next
     * `before` its zombies pass again, bar the caller's (the only expectation a step sets; those it
     * forgets are of new pids).
     */
    let judged: Snapshot | null = null;
    /** The last `after` that `held` was cut down to: next, only the pids a step freed can need dropping. */
    let cut: Snapshot | null = null;
    const judgeZombie = (p: ProcView): string | null => {
      const want = expected.get(p.pid);
      if (want !== undefined && p.xstat !== want) return `zombie ${p.pid} holds status 0x${p.xstat.toString(16)}, not 0x${want.toString(16)}`;
      held.set(p.pid, p.xstat);
      return null;
    };
    const judge = (zombies: readonly ProcView[]): string | null => {
      for (let i = 0; i < zombies.length; i++) {
        const wrong = judgeZombie(zombies[i]);
        if (wrong !== null) return wrong;
      }
      return null;
    };
    const judgeOne = (p: ProcView | undefined): string | null => (zombie(p) ? judgeZombie(p) : null);
    /**
     * The zombies of `after` but those at the same position in `judged`: one view is one process
     * with one status (snapshots are read-only), and those were judged with these expectations.
     */
    const judgeUnshared = (judged: Snapshot, after: Snapshot, distinct: boolean): string | null => {
      const was = judged.procs;
      const now = after.procs;
      if (was.length !== now.length || !distinct) return judge(tableIndex(after).zombies);
      for (let i = 0; i < now.length; i++) {
        const wrong = now[i] !== was[i] && zombie(now[i]) ? judgeZombie(now[i]) : null;
        if (wrong !== null) return wrong;
      }
      return null;
    };
    return {
      check(ctx) {
        const history = historyOf(ctx, own);
        const changes = induction.changes(ctx);
        expected.forgetNew(ctx);
        held.forgetNew(ctx);
        const { step, before, after } = ctx;
        const expects = step.call === 'exit' || step.call === 'abort2';
        if (step.call === 'exit') expected.set(step.pid, (step.code & 0xff) << 8);
        if (step.call === 'abort2') expected.set(step.pid, abort2Status(step));
        const wasJudged = before !== null && before === judged;
        const wasCut = before !== null && before === cut;
        judged = cut = null;
        let wrong: string | null = null;
        if (changes) {
          // Incrementally: the other zombies of `before` were judged as the last step's `after`, with the
          // same expectations (only the caller's can be new), and the unchanged ones of `after` with them.
          wrong = judgeOne(procsOf(before!).get(step.pid)) ?? judge(changes.procs.fresh.filter(zombie));
        } else if (wasJudged) {
          // The whole table, but what was judged as the last `after` only where it can judge otherwise:
          // the caller's zombie if its expectation was just set, and views `before` does not share.
          const distinct = tableIndex(after!).pidsDistinct; // a repeated pid's views would each set what `held` keeps
          wrong = (expects ? judgeOne(procsOf(before!).get(step.pid)) : null) ?? judgeUnshared(before!, after!, distinct);
          if (wrong === null && distinct) judged = after;
        } else {
          wrong = judge(tableIndex(before!).zombies) ?? judge(tableIndex(after!).zombies);
          if (wrong === null && tableIndex(after!).pidsDistinct) judged = after;
        }
        if (wrong !== null) return induction.judged(ctx, wrong);
        const reports = waitReports(ctx, history);
        for (let i = 0; i < reports.length; i++) {
          const r = reports[i];
          if (r.what !== 'exit' || r.raw === null) continue;
          const want = held.get(r.child) ?? expected.get(r.child);
          if (want !== undefined && r.raw !== want) return induction.judged(ctx, `wait by ${r.waiter} reported ${r.child} with status 0x${r.raw.toString(16)}, not 0x${want.toString(16)}`);
        }
        if (changes) for (const pid of changes.procs.freed) held.delete(pid);
        else if (wasCut) {
          // `held` was within the last `after` (this `before`) and took in only zombies of the two tables.
          const freed = freedPids(before!, after!);
          for (let i = 0; i < freed.length; i++) held.delete(freed[i]);
          cut = after;
        } else {
          const now = procsOf(after!);
          for (const pid of held.keys()) if (!now.has(pid)) held.delete(pid);
          cut = after;
        }
        return induction.judged(ctx, null);
      },
    };
  },
};
