import type { ProcView, Step } from '../../../interleaving';

/** The wait arguments of a wait-family step: owait is wait4(WAIT_ANY, …, 0, NULL) (kern_exit.c:622-630). */
export interface WaitArgs {
  wpid: number;
  options: readonly string[];
}

export function waitArgs(step: Step): WaitArgs | null {
  if (step.call === 'wait4') return { wpid: step.wpid, options: step.options };
  if (step.call === 'owait') return { wpid: -1, options: [] };
  return null;
}

/**
 * Whether `child` matches a wait by `waiter` (kern_exit.c:664-668 pid 0 is the caller's pgrp,
 * 684-703 the selector and the WLINUXCLONE filter).
 */
export function matchesWait(child: ProcView, waiter: ProcView, args: WaitArgs): boolean {
  const wpid = args.wpid === 0 ? -waiter.pgid : args.wpid;
  const selected = wpid === -1 || (wpid > 0 ? child.pid === wpid : child.pgid === -wpid);
  const linuxClone = args.options.includes('WLINUXCLONE');
  return selected && (child.sigparent !== 'SIGCHLD') === linuxClone;
}
