import type { Invariant } from '../../runner/check';
import { abort2Status } from './lib/abort2-status';
import { StepHistory } from './lib/history';
import { PerProcess } from './lib/lifetimes';
import { procsByPid } from './lib/procs';
import { tableIndex } from './lib/table-index';
import { waitReports } from './lib/wait-reports';

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
    const history = new StepHistory();
    const expected = new PerProcess<number>();
    const held = new PerProcess<number>();
    return {
      check(ctx) {
        history.record(ctx);
        expected.forgetNew(ctx);
        held.forgetNew(ctx);
        const { step } = ctx;
        if (step.call === 'exit') expected.set(step.pid, (step.code & 0xff) << 8);
        if (step.call === 'abort2') expected.set(step.pid, abort2Status(step));
        for (const s of [ctx.before!, ctx.after!]) {
          for (const p of tableIndex(s).zombies) {
            const want = expected.get(p.pid);
            if (want !== undefined && p.xstat !== want) return `zombie ${p.pid} holds status 0x${p.xstat.toString(16)}, not 0x${want.toString(16)}`;
            held.set(p.pid, p.xstat);
          }
        }
        for (const r of waitReports(ctx, history)) {
          if (r.what !== 'exit' || r.raw === null) continue;
          const want = held.get(r.child) ?? expected.get(r.child);
          if (want !== undefined && r.raw !== want) return `wait by ${r.waiter} reported ${r.child} with status 0x${r.raw.toString(16)}, not 0x${want.toString(16)}`;
        }
        const after = procsByPid(ctx.after!);
        for (const pid of held.keys()) if (!after.has(pid)) held.delete(pid);
        return null;
      },
    };
  },
};
