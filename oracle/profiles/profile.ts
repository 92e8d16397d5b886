import type { CallName, ErrnoName, Numbering, ProfileName, WaitOption } from '../../interleaving';

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
    /** A PT_TRACE_ME by a process already traced; null: allowed (E13; Linux T8 EPERM). */
    traceMeTraced: ErrnoName | null;
    /** PT_ATTACH to a zombie (FreeBSD: ESRCH, pfind misses it; Linux T8: EPERM). */
    attachZombie: ErrnoName;
    /** A resume signal outside 0..maxsig (FreeBSD EINVAL; Linux §6: EIO). */
    badResumeSignal: ErrnoName;
  }>;
  /** Whether PT_ATTACH refuses a traced caller's ancestor (FreeBSD EINVAL; Linux has no such check, T8). */
  readonly attachChecksAncestor: boolean;
  /** Whether resuming needs the stop to have been waited for (FreeBSD EBUSY; Linux §6 "continue without a wait"). */
  readonly resumeNeedsWaitedStop: boolean;
  /**
   * R6-R8, T1, R7: PT_ATTACH moves the tracee into the debugger's children (FreeBSD, oppid kept for
   * the give-back) or links it to the tracer only, the real parent keeping it (Linux `ptraced` list).
   */
  readonly attachReparents: boolean;
  /** R3-R5: an exiting tracer SIGKILLs its tracees (kern_exit.c:432-438) or detaches them. */
  readonly tracerExit: 'kill' | 'detach';
  /** T4: a stop signal a tracee acts on stops it (a group stop both its tracer and parent see) or is dropped. */
  readonly tracedStopSignalStops: boolean;
  /** T5, T7: SIGKILL goes through ptracestop like any signal (E15) or kills a tracee at once. */
  readonly sigkillBypassesTrace: boolean;
  /** R10: a child of a SIG_IGN / SA_NOCLDWAIT parent goes to init (kern_exit.c:458-482) or is reaped at exit. */
  readonly ignoredChildExit: 'to-init' | 'autoreap';
  /**
   * R13: a child's exit wakes its parent's wait whatever it waits for (kern_exit.c:512), and an exit
   * with children wakes init (kern_exit.c:423-425); or only a wait that selects the child.
   */
  readonly exitWakesWait: 'always' | 'if-selected';
  /** R14: whether reporting a child withdraws its pending SIGCHLD record (E16). */
  readonly reportWithdrawsSigchld: boolean;
  /** R15: whether a blocked signal is still discarded at posting when its disposition ignores it (E16). */
  readonly blockedIgnoredDiscarded: boolean;
  /** W2: wait4(INT_MIN): -INT_MIN matches no group (ECHILD) or is refused (ESRCH). */
  readonly intMinWpid: 'ECHILD' | 'ESRCH';
  /** W6: the raw bit that waits for both kinds of children (Linux __WALL), or 0 when there is none. */
  readonly waitAllBit: number;
  /** W6: whether a tracee is eligible to its tracer whatever the Linux-thread selector (Linux since 4.7). */
  readonly tracedAlwaysEligible: boolean;
  /** W12: whether stop and continue reports write rusage (FreeBSD copies out stack garbage, E5). */
  readonly stopReportsRusage: boolean;
  /** W17: a blocking wait woken by a caught signal rescans first and returns what it finds instead of EINTR. */
  readonly signalWakeRescans: boolean;
  /**
   * J1: orphaned groups by the pg_jobc counters at exit, before the reparent, counting stop and trace
   * stops (semantics.md §3.12), or Linux's kill_orphaned_pgrp after it, counting group stops only.
   */
  readonly orphanedGroups: 'jobc' | 'after-reparent';
  /** §6: whether setpgid and getpgid/getsid find zombies (FreeBSD pfind skips them). */
  readonly pgrpCallsFindZombies: boolean;
  /** R17, J3: whether a new thread takes a number from the pid space (a Linux tid) until it exits. */
  readonly threadsTakePids: boolean;
  /** J3: where the pid allocator wraps to; null takes config.pidFloor (FreeBSD 100; Linux RESERVED_PIDS 300). */
  readonly pidWrapFloor: number | null;
  /** R16: init's exit panics (kern_exit.c:124-128) or ends the pid namespace, and with it every later step. */
  readonly initExit: 'panic' | 'namespace-ends';
  /** E20: a vfork child's stops wait for its exec or exit (FreeBSD P_PPWAIT); Linux stops it at once. */
  readonly vforkChildDefersStops: boolean;
  /** A vfork parent's wait for its child is uninterruptible (FreeBSD) or killable (Linux wait_for_vfork_done). */
  readonly vforkWaitKillable: boolean;
  /** killpg1 skips pid 1 in a group (FreeBSD); Linux skips init only for kill(-1), so kill(0) by init reaches it. */
  readonly killpgSkipsInit: boolean;
  /**
   * A caller its own step SIGKILLs (kill of itself or its group): the model's convention (semantics.md
   * §9.2) reports the call's return; the host's puppet, which can hold back every other signal until
   * it has answered, cannot hold back SIGKILL, so the call has no return.
   */
  readonly deathBeforeReturn: boolean;
  /**
   * wait4(0) by a member of process group 1: `-pgid` is -1, WAIT_ANY, so FreeBSD waits for any child
   * (kern_exit.c:664-668, 681); Linux keeps it a group selector (PIDTYPE_PGID).
   */
  readonly waitPid0InGroup1IsAny: boolean;
  /**
   * kill(-1) walks processes newest first (FreeBSD allproc) or oldest first (Linux's task list).
   * On a real kernel the victims then die concurrently, so the order they die in (and orphans reach
   * init in) usually, not always, follows it.
   */
  readonly killAllOrder: 'newest-first' | 'oldest-first';
  /** Whether setpgid reaches any descendant (FreeBSD inferior()) or only the caller's children (Linux, POSIX). */
  readonly setpgidChildOnly: boolean;
  /** E18: whether exec resets SIGCHLD's SIG_IGN and SA_NOCLDWAIT (FreeBSD execsigs); Linux keeps SIG_IGN. */
  readonly execResetsIgnoredSigchld: boolean;
  /**
   * When a released vfork parent's return is seen: at once (the model's convention) or only after
   * the signals it got while asleep are dealt with, so a parent that then stops returns when it is
   * resumed (a real kernel delivers them before the call returns to user space).
   */
  readonly vforkReturnAfterSignals: boolean;
  /**
   * The same for a wait that a step completes: its return is seen after the signals then pending and
   * unblocked are dealt with (at the syscall's exit), so a waiter that stops on one (a tracee's
   * trace stop) returns when resumed, and one that dies on one does not return.
   */
  readonly waitReturnAfterSignals: boolean;
  /**
   * Whether a signal init has no handler for is discarded at posting unless blocked (Linux: the
   * namespace init is SIGNAL_UNKILLABLE, sig_task_ignored), so not even SIGSTOP stops it asleep in
   * wait4; FreeBSD posts it and issignal takes no default action for init.
   */
  readonly initDiscardsDefaultSignals: boolean;
  /**
   * Whether RLIMIT_NPROC counts threads (Linux counts tasks: a thread is one, and thr_new is refused
   * with EAGAIN past the limit) or processes only (FreeBSD chgproccnt).
   */
  readonly threadsCountAgainstNproc: boolean;
  /**
   * Whether a thread's id names its process to lookups (Linux find_task_by_vpid finds the thread):
   * kill, getpgid and getsid act on its process, setpgid refuses it (EINVAL, not a group leader)
   * and PT_ATTACH to one's own thread is EPERM. Only with threadsTakePids.
   */
  readonly tidsNameTheirProcess: boolean;
  /**
   * Whether a stop abandons a wait4 sleep (Linux: the sleep ends with ERESTARTSYS and the stop
   * happens in get_signal), so the first handler run before the restart decides it: EINTR without
   * SA_RESTART. FreeBSD suspends the sleeper in place and it rescans when resumed.
   */
  readonly stopAbandonsWait: boolean;
  /**
   * Whether an interrupted wait's EINTR or restart is decided by the first handler that runs (Linux:
   * the call leaves with ERESTARTSYS and handle_signal makes it EINTR unless that handler has
   * SA_RESTART; no handler, it restarts), not by the signal that interrupted it. FreeBSD decides when
   * the interrupting signal is posted, by that signal's SA_RESTART (semantics.md §3.9.2 steps 4, 10).
   */
  readonly restartDecidedByHandler: boolean;
  /**
   * Whether setuid((uid_t)-1) fails with EINVAL before any permission check (Linux: -1 is INVALID_UID,
   * kernel/sys.c __sys_setuid checks uid_valid first). FreeBSD's setuid has no such check: root takes it.
   */
  readonly setuidRefusesNoUid: boolean;
  /** Whether a uid change makes the process (and children it forks, until exec) undebuggable by non-root (Linux dumpable). */
  readonly setuidMakesUndumpable: boolean;
  /** Whether a pending SIGKILL is acted on before lower-numbered pending signals (Linux's fatal-signal path). */
  readonly sigkillFirst: boolean;
  /**
   * Whether a group stop outlives a tracer's resume until SIGCONT: a detached tracee whose group
   * stop is still in effect stops again (Linux SIGNAL_STOP_STOPPED, reinstated by __ptrace_unlink),
   * and the real parent's WUNTRACED wait reports it, once, even while the tracer runs the tracee
   * (wait_task_stopped reads the signal struct's group_exit_code: linux.md T4).
   */
  readonly groupStopOutlivesTrace: boolean;
  /**
   * Whether the attach's SIGSTOP is taken before the process's other pending signals: Linux queues
   * it on the thread (send_sig_info), kill(2) queues on the process, and dequeue_signal empties the
   * thread's queue first, so a SIGTERM sent before the attach is reported after its SIGSTOP.
   */
  readonly attachStopOnThreadQueue: boolean;
  /** Whether kill(2) looks its target up before checking the signal, so a missing target gives ESRCH, not EINVAL (Linux). */
  readonly killFindsTargetFirst: boolean;
  /**
   * Whether kill(-1) counts processes it may not signal (Linux: success if any candidate exists) and
   * a group kill that may signal no member gives EPERM; FreeBSD counts only those it may signal (ESRCH).
   */
  readonly killCountsUnpermitted: boolean;
  /** Whether a trace stop takes its signal off the pending set (Linux dequeues before ptrace_signal). */
  readonly traceStopDequeues: boolean;
  /** Whether PT_TRACE_ME needs the parent to hold the child's privileges (Linux cap_ptrace_traceme). */
  readonly traceMeNeedsRights: boolean;
  /**
   * Whether PT_KILL works on a tracee in any state (Linux ptrace_check_attach ignores the state for
   * it) and is a plain SIGKILL: it kills a tracee held in the attach's trap stop too, where a resume's
   * signal would be dropped.
   */
  readonly killRequestAnyState: boolean;
  /** Whether an ignored SIGCONT still continues a stopped process (Linux prepare_signal acts before the ignore check). */
  readonly ignoredSigcontContinues: boolean;
  /** Whether pending signals are taken lowest platform number first (Linux numbers differ from FreeBSD's). */
  readonly deliveryByPlatformNumber: boolean;
  /** Whether init may set SA_NOCLDWAIT (FreeBSD refuses it for pid 1; a Linux namespace init may). */
  readonly initMayNocldwait: boolean;
  /**
   * Whether a tracee's signals all reach its tracer: none is discarded at posting, neither an ignored
   * one (Linux sig_ignored) nor a terminal stop in an orphaned group (checked only after ptrace_signal).
   * Linux's stop and continue notifications are not even sent to a receiver whose SIGCHLD is SIG_IGN
   * (do_notify_parent_cldstop checks the handler first), so such a receiver, traced, does not stop.
   */
  readonly tracedNeverIgnores: boolean;
  /**
   * The order of the sleepers a step completes: as they complete (the model, semantics.md §9.2) or
   * by the step that issued each sleeping call, oldest first (the host harness, which cannot tell
   * which of two woken processes finished first: docs/host-harness.md "What a step reports").
   */
  readonly completionOrder: 'as-completed' | 'by-issuing-step';
  /**
   * Whether a stop signal's posting ends the continued state (FreeBSD tdsignal), or only a
   * completed group stop or its report does (Linux SIGNAL_STOP_CONTINUED), so a tracee's attach
   * SIGSTOP leaves a WCONTINUED report in place.
   */
  readonly stopSignalEndsContinued: boolean;
  /**
   * Whether SIGCONT ends the group stop of a tracee even while it is trace-stopped (Linux
   * prepare_signal on SIGNAL_STOP_STOPPED): a WCONTINUED wait reports it at once; the parent's
   * SIGCHLD and wakeup come when the tracee next runs (get_signal). FreeBSD queues it (E15).
   */
  readonly sigcontEndsTracedGroupStop: boolean;
  /**
   * Whether a terminal stop (SIGTSTP, SIGTTIN, SIGTTOU) sent to a process that cannot take it yet
   * (asleep uninterruptibly, as a vfork parent) is judged against an orphaned group only when it is
   * taken: Linux checks is_current_pgrp_orphaned in get_signal alone, so a group no longer orphaned
   * by then stops. FreeBSD's tdsignal discards it at posting when pg_jobc is 0.
   */
  readonly ttyStopJudgedWhenTaken: boolean;
  /** kill(-1) counts zombies as found (Linux for_each_process); FreeBSD's allproc walk does not. */
  readonly killAllFindsZombies: boolean;
  /** Calls the platform does not have: the oracle rejects them as unsupported, as the host harness does. */
  readonly unsupportedCalls: readonly CallName[];
  /** Whether the COMPAT_43 owait trap exists (kern_exit.c:617-631). */
  readonly hasOwait: boolean;
  /** Longest p_comm (MAXCOMLEN). */
  readonly maxComLen: number;
  /** Wakeups that end the NOCLDWAIT path: only when the parent has no children left (E9) or always (R11). */
  readonly nocldwaitWakesParent: 'when-last' | 'always';
}
