import type { Erratum } from './erratum';
import { isStopped, procsByPid } from '../invariants/lib/procs';

/** E11: PT_ATTACH's sendsig finds the target stopped and resumes it; the SIGSTOP is lost (semantics.md §3.8). */
export const e11AttachResumes: Erratum = {
  name: 'erratum-e11-attach-resumes',
  erratum: 'E11',
  fixedBy: 'H12: PT_ATTACH handles already-stopped processes (2015)',
  statement: 'attaching to a stopped process leaves it stopped',
  source: 'semantics.md §3.8 sendsig, §5 E11',
  needs: ['snapshot'],
  start: () => ({
    check({ step, result, before, after }) {
      if (step.call !== 'ptrace' || step.req !== 'PT_ATTACH' || result.observations[0].errno) return null;
      const was = procsByPid(before!).get(step.target);
      const now = procsByPid(after!).get(step.target);
      if (!was || !isStopped(was) || !now || now.state === 'ZOMBIE' || isStopped(now)) return null;
      return `PT_ATTACH by ${step.pid} resumed the stopped ${step.target}`;
    },
  }),
};
