import type { Erratum } from './erratum';
import { isTraced, procsByPid } from '../invariants/lib/procs';

/** E13: PT_TRACE_ME is always allowed, so a traced process can overwrite its oppid (semantics.md §3.8). */
export const e13TracemeTwice: Erratum = {
  name: 'erratum-e13-traceme-twice',
  erratum: 'E13',
  fixedBy: 'H16: p_oppid tracks the real parent (2016-2018)',
  statement: 'PT_TRACE_ME fails for a process that is already traced',
  source: 'semantics.md §3.8, §5 E13',
  needs: ['snapshot'],
  start: () => ({
    check({ step, result, before }) {
      if (step.call !== 'ptrace' || step.req !== 'PT_TRACE_ME' || result.observations[0].errno) return null;
      const me = procsByPid(before!).get(step.pid);
      return me && isTraced(me) ? `PT_TRACE_ME by the already traced ${step.pid} succeeded` : null;
    },
  }),
};
