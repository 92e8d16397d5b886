import { NUMBERING } from '../../interleaving';
import type { Profile } from './profile';

const WNOHANG = 1;
const WUNTRACED = 2;
const WEXITED = 4;
const WCONTINUED = 8;
const WNOWAIT = 0x01000000;
const WNOTHREAD = 0x20000000;
const WALL = 0x40000000;
const WCLONE = 0x80000000;

/**
 * Linux 6.x (x86-64) as the harness drives it: one pid namespace per interleaving, its init the
 * model's pid 1. Each field whose value differs from FREEBSD_R176365's is one divergence; its
 * comment names the linux.md row, or says it was found by running the host kernel against this
 * profile (docs/divergences.md shows each with a fixture).
 */
export const LINUX: Profile = {
  name: 'linux',
  // linux.md §0.1: signal numbers, maxsig 64, continued status 0xffff.
  numbering: NUMBERING.linux,
  // linux.md §0.1, W1: WCONTINUED is 8; __WCLONE is WLINUXCLONE's bit; WEXITED/WNOWAIT exist but wait4 refuses them.
  waitOptionBits: { WNOHANG, WUNTRACED, WCONTINUED, WLINUXCLONE: WCLONE, WNOWAIT, WEXITED },
  // linux.md W1: 0xE000000B.
  waitOptionMask: (WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE) >>> 0,
  forkInsertsAt: 'tail', // linux.md R12
  reparentInsertsAt: 'tail', // linux.md R1, R12
  wnohangCopiesOut: false, // linux.md W4
  givebackWhen: 'oppid-differs', // linux.md R9 (there is no give-back: see attachReparents)
  ptraceErrno: {
    attachSelf: 'EPERM', // linux.md T8
    attachTraced: 'EPERM', // linux.md T8
    attachAncestor: 'EPERM', // unused: attachChecksAncestor is false
    notTraced: 'ESRCH', // linux.md T8
    notOurTracee: 'ESRCH', // linux.md T8
    notStopped: 'ESRCH', // linux.md T8
    traceMeTraced: 'EPERM', // linux.md T8
    attachZombie: 'EPERM', // linux.md T8
    badResumeSignal: 'EIO', // linux.md §6
  },
  attachChecksAncestor: false, // linux.md T8
  resumeNeedsWaitedStop: false, // linux.md §6 "continue without a wait"
  attachReparents: false, // linux.md R6, R7, R8, T1
  tracerExit: 'detach', // linux.md R3, R4, R5
  tracedStopSignalStops: true, // linux.md T4
  sigkillBypassesTrace: true, // linux.md T5, T7
  hasOwait: false, // linux.md: no owait (unsupportedCalls)
  maxComLen: 15, // TASK_COMM_LEN 16
  nocldwaitWakesParent: 'always', // linux.md R11
  ignoredChildExit: 'autoreap', // linux.md R10
  exitWakesWait: 'if-selected', // linux.md R13
  reportWithdrawsSigchld: false, // linux.md R14
  blockedIgnoredDiscarded: false, // linux.md R15
  intMinWpid: 'ESRCH', // linux.md W2
  waitAllBit: WALL, // linux.md W6
  tracedAlwaysEligible: true, // linux.md W6
  stopReportsRusage: true, // linux.md W12
  signalWakeRescans: true, // linux.md W17
  orphanedGroups: 'after-reparent', // linux.md J1, §6
  pgrpCallsFindZombies: true, // linux.md §6
  threadsTakePids: true, // linux.md R17, J3: a thread's tid comes from the same pid space
  pidWrapFloor: 300, // linux.md J3
  initExit: 'namespace-ends', // linux.md R16
  vforkChildDefersStops: false, // found on the host: a vfork child stops like any process
  vforkWaitKillable: true, // found on the host: SIGKILL ends a vfork parent's wait (TASK_KILLABLE)
  killpgSkipsInit: false, // found on the host: kill(0, sig) by the namespace init succeeds
  deathBeforeReturn: true, // found on the host: a call that SIGKILLs its caller has no return
  waitPid0InGroup1IsAny: false, // found on the host: wait4(0) in group 1 waits for group 1 only
  killAllOrder: 'oldest-first', // found on the host (its deaths race; oldest first is the usual outcome)
  setpgidChildOnly: true, // found on the host: setpgid on a grandchild gives ESRCH
  execResetsIgnoredSigchld: false, // found on the host: SIGCHLD's SIG_IGN survives exec (FreeBSD E18 resets it)
  vforkReturnAfterSignals: true, // found on the host: a vfork parent stopped on release returns when resumed
  initDiscardsDefaultSignals: true, // linux.md J4; found on the host: kill(0, SIGSTOP) left the namespace init's wait4 running
  threadsCountAgainstNproc: true, // found on the host: fork after thr_new under RLIMIT_NPROC 3 gives EAGAIN
  tidsNameTheirProcess: true, // found on the host: kill(tid, SIGKILL) returns 0 where the model said ESRCH
  stopAbandonsWait: true, // found on the host: a waiter stopped, sent a caught SIGCHLD and continued gets EINTR
  restartDecidedByHandler: true, // found on the host: a traced waiter interrupted by the attach's SIGSTOP and continued with a caught SIGUSR2 without SA_RESTART gets EINTR
  waitReturnAfterSignals: true, // found on the host: a traced waiter woken by a child's stop trace-stops on SIGCHLD before wait4 returns
  setuidRefusesNoUid: true, // kernel/sys.c __sys_setuid: uid_valid(make_kuid(ns, -1)) fails, EINVAL (pinned on the host: tests/linux/setuid-no-uid)
  setuidMakesUndumpable: true, // found on the host: PT_ATTACH to a child forked after setuid gives EPERM
  sigkillFirst: true, // found on the host: a stopped process with SIGHUP pending dies by SIGKILL
  groupStopOutlivesTrace: true, // found on the host: attach to a stopped process, continue, detach: stopped again; the parent's WUNTRACED wait reports it while the tracee runs (T4)
  attachStopOnThreadQueue: true, // found on the host: stopped, sent SIGTERM, attached and continued, the tracee reports SIGSTOP first
  killFindsTargetFirst: true, // found on the host: kill(7, -1) with no pid 7 gives ESRCH
  killCountsUnpermitted: true, // found on the host: kill(-1, sig) by uid 1 among root processes returns 0
  traceStopDequeues: true, // found on the host: a SIGSTOP sent during a SIGSTOP trace stop stops it again
  traceMeNeedsRights: true, // found on the host: PT_TRACE_ME under a parent that gave up root gives EPERM
  killRequestAnyState: true, // found on the host: PT_KILL on a running tracee kills it
  ignoredSigcontContinues: true, // found on the host: SIGCONT set to SIG_IGN still ends a stop
  deliveryByPlatformNumber: true, // next_signal: lowest Linux number first (SIGUSR1 10 before SIGTERM 15)
  initMayNocldwait: true, // found on the host: the namespace init's SA_NOCLDWAIT autoreaps
  tracedNeverIgnores: true, // found on the host: a tracee stops even on an ignored SIGCHLD
  completionOrder: 'by-issuing-step', // docs/host-harness.md: real completions carry no order
  killAllFindsZombies: true, // found on the host (as §6 for the group calls): kill(-1) finds zombies
  stopSignalEndsContinued: false, // found on the host: a WCONTINUED report survives the SIGSTOP of a PT_ATTACH
  sigcontEndsTracedGroupStop: true, // found on the host: SIGCONT to a group-stopped tracee in its attach trap gives 0xffff to WCONTINUED
  ttyStopJudgedWhenTaken: true, // found on the host: a SIGTSTP pending in a vfork parent whose group was orphaned stops it once setpgid has ended that
  // linux.md R18 (rfork), W15/owait and abort2: not Linux calls; the harness has no terminal for the tty calls.
  unsupportedCalls: ['rfork', 'abort2', 'owait', 'setctty', 'tcsetpgrp'],
};
