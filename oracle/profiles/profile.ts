import type { ErrnoName, Numbering, ProfileName, WaitOption } from '../../interleaving';

/**
 * The switches where platforms differ (linux.md §1). The oracle's code consults these (or calls the
 * small method named beside each) at the one place each rule lives, so another platform is a new
 * record plus, where its behaviour is not a simple value, an override of that one method.
 */
export interface Profile {
  readonly name: ProfileName;
  /** Signal numbers, `maxsig`, the continued status word (status words use these). */
  readonly numbering: Numbering;
  /** wait4 option bits by name; a name absent here does not exist on the platform (linux.md W1). */
  readonly waitOptionBits: Readonly<Partial<Record<WaitOption, number>>>;
  /** The bits kern_wait accepts; any other gives EINVAL (kern_exit.c:669-670). */
  readonly waitOptionMask: number;
  /** Where fork1 inserts a child in its parent's list (newest first here; Linux appends, R12). */
  readonly forkInsertsAt: 'head' | 'tail';
  /** Where proc_reparent inserts the child in the new parent's list (kern_exit.c:872; Linux R1). */
  readonly reparentInsertsAt: 'head' | 'tail';
  /** Whether wait4 copies out status and rusage after a WNOHANG 0 return (E5; Linux W4 does not). */
  readonly wnohangCopiesOut: boolean;
  /**
   * When the zombie goes back to `pfind(oppid)` (kern_exit.c:725): whenever oppid is set (r176365,
   * E4) or only when oppid differs from the waiter (later FreeBSD, Linux R9).
   */
  readonly givebackWhen: 'oppid-set' | 'oppid-differs';
  /** The errnos of ptrace's permission checks (semantics.md §3.8; linux.md T8). */
  readonly ptraceErrno: Readonly<{
    attachSelf: ErrnoName;
    attachTraced: ErrnoName;
    attachAncestor: ErrnoName;
    notTraced: ErrnoName;
    notOurTracee: ErrnoName;
    notStopped: ErrnoName;
  }>;
  /** Whether the COMPAT_43 owait trap exists (kern_exit.c:617-631). */
  readonly hasOwait: boolean;
  /** Longest p_comm (MAXCOMLEN). */
  readonly maxComLen: number;
  /** Wakeups that end the NOCLDWAIT path: only when the parent has no children left (E9) or always (R11). */
  readonly nocldwaitWakesParent: 'when-last' | 'always';
}
