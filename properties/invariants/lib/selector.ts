import type { ProcView, Step } from '../../../interleaving';

/** The wait arguments of a wait-family step, with pid 0 already rewritten to the caller's pgrp. */
export interface WaitArgs {
  wpid: number;
  options: readonly string[];
}

/**
 * The arguments kern_wait works with: wpid 0 becomes -(the caller's pgid at the call), kept through
 * any sleep (kern_exit.c:664-668); owait is wait4(WAIT_ANY, …, 0, NULL) (kern_exit.c:622-630).
 */
export function waitArgs(step: Step, callerPgid: number): WaitArgs | null {
  if (step.call === 'wait4') return { wpid: step.wpid === 0 ? -callerPgid : step.wpid, options: step.options };
  if (step.call === 'owait') return { wpid: -1, options: [] };
  return null;
}

/**
 * Whether `child` matches a wait: the pid selector and the WLINUXCLONE filter (kern_exit.c:684-703),
 * the filter read against `sigparent` (the child's own unless said otherwise).
 */
export function matchesWait(child: ProcView, args: WaitArgs, sigparent: ProcView['sigparent'] = child.sigparent): boolean {
  const selected = args.wpid === -1 || (args.wpid > 0 ? child.pid === args.wpid : child.pgid === -args.wpid);
  const linuxClone = args.options.includes('WLINUXCLONE');
  return selected && (sigparent !== 'SIGCHLD') === linuxClone;
}
