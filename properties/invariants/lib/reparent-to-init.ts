import type { ProcView } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';
import { procsByPid } from './procs';

/**
 * Whether a child may have moved to init during the step: its parent exited (kern_exit.c:426-440)
 * or ignores SIGCHLD / set SA_NOCLDWAIT when the child exited (kern_exit.c:463-482).
 */
export function mayGoToInit(ctx: CheckContext, child: ProcView | undefined): boolean {
  if (!child) return true;
  const parent = procsByPid(ctx.after!).get(child.ppid);
  return !parent || parent.state === 'ZOMBIE' || parent.psFlags.includes('PS_NOCLDWAIT') || parent.psFlags.includes('PS_CLDSIGIGN');
}
