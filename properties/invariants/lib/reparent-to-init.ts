import type { ProcView } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';
import { procsOf } from './procs';

/**
 * Whether a child may have moved to init during the step: its parent exited (kern_exit.c:426-440),
 * ignores SIGCHLD or set SA_NOCLDWAIT when the child exited (kern_exit.c:463-482), or detached it
 * with nobody holding its oppid (semantics.md §3.8).
 */
export function mayGoToInit(ctx: CheckContext, child: ProcView | undefined): boolean {
  if (!child) return true;
  if (detaches(ctx, child.pid)) return true;
  const parent = procsOf(ctx.after!).get(child.ppid);
  return !parent || parent.state === 'ZOMBIE' || parent.psFlags.includes('PS_NOCLDWAIT') || parent.psFlags.includes('PS_CLDSIGIGN');
}

/** Whether the step is a PT_DETACH of `pid`, which hands it to pfind(oppid) or init. */
export function detaches({ step }: CheckContext, pid: number): boolean {
  return step.call === 'ptrace' && step.req === 'PT_DETACH' && step.target === pid;
}
