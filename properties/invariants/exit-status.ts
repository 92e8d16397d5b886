import type { ProcView } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { abort2Status } from './lib/abort2-status';
import { historyOf, StepHistory } from './lib/history';
import { Induction } from './lib/induction';
import { PerProcess } from './lib/lifetimes';
import { procsOf } from './lib/procs';
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
    const judge = (zombies: readonly ProcView[]): string | null => {
      for (const p of zombies) {
        const want = expected.get(p.pid);
        if (want !== undefined && p.xstat !== want) return `zombie ${p.pid} holds status 0x${p.xstat.toString(16)}, not 0x${want.toString(16)}`;
        held.set(p.pid, p.xstat);
      }
      return null;
    };
    return {
      check(ctx) {
        const history = historyOf(ctx, own);
        const changes = induction.changes(ctx);
        expected.forgetNew(ctx);
        held.forgetNew(ctx);
        const { step } = ctx;
        if (step.call === 'exit') expected.set(step.pid, (step.code & 0xff) << 8);
        if (step.call === 'abort2') expected.set(step.pid, abort2Status(step));
        let wrong: string | null = null;
        if (changes) {
          // Incrementally: the other zombies of `before` were judged as the last step's `after`, with the
          // same expectations (only the caller's can be new), and the unchanged ones of `after` with them.
          const was = procsOf(ctx.before!).get(step.pid);
          wrong = (zombie(was) ? judge([was]) : null) ?? judge(changes.procs.fresh.filter(zombie));
        } else {
          wrong = judge(tableIndex(ctx.before!).zombies) ?? judge(tableIndex(ctx.after!).zombies);
        }
        if (wrong !== null) return induction.judged(ctx, wrong);
        for (const r of waitReports(ctx, history)) {
          if (r.what !== 'exit' || r.raw === null) continue;
          const want = held.get(r.child) ?? expected.get(r.child);
          if (want !== undefined && r.raw !== want) return induction.judged(ctx, `wait by ${r.waiter} reported ${r.child} with status 0x${r.raw.toString(16)}, not 0x${want.toString(16)}`);
        }
        if (changes) for (const pid of changes.procs.freed) held.delete(pid);
        else {
          const after = procsOf(ctx.after!);
          for (const pid of held.keys()) if (!after.has(pid)) held.delete(pid);
        }
        return induction.judged(ctx, null);
      },
    };
  },
};
