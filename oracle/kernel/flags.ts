/**
 * Process flag bits (`p_flag`, semantics.md §1.3) and sigacts `ps_flag` bits (§1.2). Only the flags
 * the model maintains are listed; the values are FreeBSD's so that raw dumps read like the kernel's.
 */
export const P_CONTROLT = 0x2;
export const P_PPWAIT = 0x10;
export const P_HADTHREADS = 0x80;
export const P_TRACED = 0x800;
export const P_WAITED = 0x1000;
export const P_WEXIT = 0x2000;
export const P_EXEC = 0x4000;
export const P_CONTINUED = 0x10000;
export const P_STOPPED_SIG = 0x20000;
export const P_STOPPED_TRACE = 0x40000;
export const P_STATCHILD = 0x8000000;

/** P_STOPPED: the union P_SHOULDSTOP tests (P_STOPPED_SINGLE is never set in the model). */
export const P_STOPPED = P_STOPPED_SIG | P_STOPPED_TRACE;

/** Flag names for snapshots, in bit order, without the `P_` prefix. */
export const PROC_FLAG_NAMES: readonly (readonly [number, string])[] = [
  [P_CONTROLT, 'CONTROLT'],
  [P_PPWAIT, 'PPWAIT'],
  [P_HADTHREADS, 'HADTHREADS'],
  [P_TRACED, 'TRACED'],
  [P_WAITED, 'WAITED'],
  [P_WEXIT, 'WEXIT'],
  [P_EXEC, 'EXEC'],
  [P_CONTINUED, 'CONTINUED'],
  [P_STOPPED_SIG, 'STOPPED_SIG'],
  [P_STOPPED_TRACE, 'STOPPED_TRACE'],
  [P_STATCHILD, 'STATCHILD'],
];

export const PS_NOCLDWAIT = 0x1;
export const PS_NOCLDSTOP = 0x2;
export const PS_CLDSIGIGN = 0x4;

export const PS_FLAG_NAMES: readonly (readonly [number, string])[] = [
  [PS_NOCLDWAIT, 'PS_NOCLDWAIT'],
  [PS_NOCLDSTOP, 'PS_NOCLDSTOP'],
  [PS_CLDSIGIGN, 'PS_CLDSIGIGN'],
];

/** Process states (`p_state`). */
export const PRS_NEW = 0;
export const PRS_NORMAL = 1;
export const PRS_ZOMBIE = 2;
export type ProcStateCode = typeof PRS_NEW | typeof PRS_NORMAL | typeof PRS_ZOMBIE;

/** siginfo codes for SIGCHLD (semantics.md §1.2). */
export const CLD_EXITED = 1;
export const CLD_KILLED = 2;
export const CLD_DUMPED = 3;
export const CLD_TRAPPED = 4;
export const CLD_STOPPED = 5;
export const CLD_CONTINUED = 6;
