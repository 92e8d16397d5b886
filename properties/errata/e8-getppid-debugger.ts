import type { Erratum } from './erratum';
import { recordingInvariant } from '../invariants/lib/define';
import { isTraced, procsByPid } from '../invariants/lib/procs';
import { Lineage } from './lineage';

/** E8: getppid returns p_pptr, which is the debugger while traced (semantics.md §3.11). */
export const e8GetppidDebugger: Erratum = recordingInvariant(
  {
    name: 'erratum-e8-getppid-debugger',
    erratum: 'E8',
    fixedBy: 'H12: getppid returns the real parent (jhb, 2015; test ptrace__getppid)',
    statement: 'getppid returns the real parent, even while another process traces the caller',
    source: 'semantics.md §3.11, §5 E8',
    needs: ['snapshot'],
  },
  () => new Lineage(),
  (ctx, lineage) => {
    if (ctx.step.call !== 'getppid') return null;
    const me = procsByPid(ctx.before!).get(ctx.step.pid)!;
    const ret = ctx.result.observations[0].ret;
    if (!isTraced(me) || !lineage.isRealParent(me.oppid, me.pid) || ret === me.oppid) return null;
    return `getppid by traced ${me.pid} returned ${ret}, not its real parent ${me.oppid}`;
  },
);
