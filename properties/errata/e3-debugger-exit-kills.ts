import type { Erratum } from './erratum';
import { isTraced, procsByPid } from '../invariants/lib/procs';

/** E3: exit1 sends SIGKILL to every process the exiting debugger traces (kern_exit.c:432-438). */
export const e3DebuggerExitKills: Erratum = {
  name: 'erratum-e3-debugger-exit-kills',
  erratum: 'E3',
  fixedBy: 'H16: the exiting debugger hands tracees to their real parent (kib/markj, 2016-2018)',
  statement: "a traced process survives its debugger's exit",
  source: 'kern_exit.c:426-440; semantics.md §5 E3',
  needs: ['snapshot'],
  start: () => ({
    check({ step, before, after }) {
      if (step.call !== 'exit' && step.call !== 'abort2') return null;
      const now = procsByPid(after!);
      for (const t of before!.procs) {
        if (!isTraced(t) || t.ppid !== step.pid || t.oppid === step.pid) continue;
        const later = now.get(t.pid);
        if (!later || (later.state === 'ZOMBIE' && (later.xstat & 0x7f) === 9)) return `tracee ${t.pid} died by SIGKILL when its debugger ${step.pid} exited`;
      }
      return null;
    },
  }),
};
