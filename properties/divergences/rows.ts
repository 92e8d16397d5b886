import type { Config, Step } from '../../interleaving';
import type { Profile } from '../../oracle';
import {
  abort2, block, catchSig, defaultSig, execve, exit, fork, setuid, getpgid, getppid, ignoreSig, kill, ptrace, run, setpgid, sigpending,
  thrNew, traceMe, vfork, wait4,
} from './steps';

/** One divergence of the `linux` profile from FreeBSD r176365, with an interleaving that shows it. */
export interface DivergenceRow {
  /** The fixture's name (fixtures/linux/<name>.json). */
  name: string;
  /** The linux.md row (R1, W6, T8, J1, §6) or `host` for one found by running the host kernel. */
  row: string;
  /** The profile switch that carries it. */
  switch: keyof Profile;
  /** What differs, in a line. */
  behaviour: string;
  config?: Partial<Config>;
  steps: Step[];
  /**
   * The step that shows it, where that is not the first step a comparison tells apart: values one
   * side leaves unspecified (W4, W12), or a later step than another divergence's (W17 after R13).
   */
  focus?: number;
}

const WALL = 0x40000000;
const INT_MIN = -0x80000000;

/**
 * Pids 2 … 301 each forked, exited and reaped (the host caps live processes at 64), so the next
 * fork reaches pidMax and wraps (linux.md J3: FreeBSD to config.pidFloor, Linux to RESERVED_PIDS 300).
 */
function wrapAround(pidMax: number): Step[] {
  const steps: Step[] = [];
  for (let pid = 2; pid < pidMax; pid++) steps.push(fork(1), exit(pid, 0), wait4(1, pid));
  steps.push(fork(1));
  return steps;
}

/** Every row, in linux.md order; each interleaving is as short as the divergence allows. */
export const DIVERGENCE_ROWS: readonly DivergenceRow[] = [
  { name: 'r01-orphans-appended-at-tail', row: 'R1', switch: 'reparentInsertsAt', behaviour: 'An orphan joins the end of the reaper\'s children, not the head: wait(-1) finds the reaper\'s own child first',
    steps: [fork(1), fork(2), exit(3, 3), exit(2, 2), wait4(1, -1)] },
  { name: 'r03-tracer-exit-detaches', row: 'R3', switch: 'tracerExit', behaviour: 'The exiting tracer detaches its tracee (which resumes) instead of SIGKILLing it',
    steps: [fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), wait4(3, 2), exit(3, 0), wait4(1, 2, ['WNOHANG'])] },
  { name: 'r03-tracer-exit-delivers-unwaited-stop', row: 'host', switch: 'tracerExit', behaviour: 'A tracee whose attach stop its tracer never waited for keeps the SIGSTOP at the detach and group-stops',
    steps: [fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), exit(3, 0), wait4(1, 2, ['WNOHANG', 'WUNTRACED'])] },
  { name: 'r05-trace-me-parent-exit-detaches', row: 'R5', switch: 'tracerExit', behaviour: 'A PT_TRACE_ME child survives its parent\'s exit and is reaped by init with its own status',
    steps: [fork(1), fork(2), traceMe(3), exit(2, 0), exit(3, 5), wait4(1, 3)] },
  { name: 'r06-real-parent-keeps-traced-child', row: 'R6', switch: 'attachReparents', behaviour: 'The real parent\'s WNOHANG wait for a child traced by another gives 0, not ECHILD',
    steps: [fork(1), fork(2), fork(1), ptrace(4, 'PT_ATTACH', 3), wait4(2, 3, ['WNOHANG'])] },
  { name: 'r07-getppid-of-tracee-is-real-parent', row: 'R7', switch: 'attachReparents', behaviour: 'getppid() in a traced child names its real parent, not the tracer',
    steps: [fork(1), fork(2), fork(1), ptrace(4, 'PT_ATTACH', 3), wait4(4, 3), ptrace(4, 'PT_CONTINUE', 3), getppid(3)] },
  { name: 'r08-tracer-reaps-first-then-parent', row: 'R8', switch: 'attachReparents', behaviour: 'A traced child\'s exit goes to the tracer first (no usage), then to the parent, which reaps it with the usage',
    steps: [fork(1), fork(2), fork(1), ptrace(4, 'PT_ATTACH', 3), wait4(4, 3), ptrace(4, 'PT_CONTINUE', 3), run(3, 4), exit(3, 7), wait4(2, 3, ['WNOHANG']), wait4(4, 3), wait4(2, 3)] },
  { name: 'r09-trace-me-exit-reported-once', row: 'R9', switch: 'attachReparents', behaviour: 'The exit of a child traced by its own parent is reported once; the second wait gives ECHILD',
    steps: [fork(1), traceMe(2), exit(2, 5), wait4(1, 2), wait4(1, 2)] },
  { name: 'r10-sigign-parent-autoreaps', row: 'R10', switch: 'ignoredChildExit', behaviour: 'A child of a SIG_IGN parent is reaped at its exit, not handed to init',
    steps: [fork(1), ignoreSig(2, 'SIGCHLD'), fork(2), exit(3, 0), wait4(1, 3, ['WNOHANG'])] },
  { name: 'r11-sigign-waiter-gets-echild-at-exit', row: 'R11', switch: 'ignoredChildExit', behaviour: 'A SIG_IGN parent asleep in waitpid(C2) gets ECHILD when C2 exits, although C1 lives on',
    steps: [fork(1), ignoreSig(2, 'SIGCHLD'), fork(2), fork(2), wait4(2, 4), exit(4, 0)] },
  { name: 'r12-children-oldest-first', row: 'R12', switch: 'forkInsertsAt', behaviour: 'wait(-1) returns ready children oldest first',
    steps: [fork(1), fork(1), exit(2, 2), exit(3, 3), wait4(1, -1)] },
  { name: 'r13-selector-filters-wakeups', row: 'R13', switch: 'exitWakesWait', behaviour: 'A wait(0) whose only child left the group sleeps on through the child\'s exit',
    steps: [fork(1), setpgid(2, 0, 0), fork(2), wait4(2, 0), setpgid(3, 0, 0), exit(3, 0)] },
  { name: 'r14-sigchld-stays-pending-after-reap', row: 'R14', switch: 'reportWithdrawsSigchld', behaviour: 'Reaping a child leaves its SIGCHLD pending',
    steps: [fork(1), block(2, 'SIGCHLD'), catchSig(2, 'SIGCHLD'), fork(2), exit(3, 0), wait4(2, 3), sigpending(2)] },
  { name: 'r15-blocked-default-sigchld-pends', row: 'R15', switch: 'blockedIgnoredDiscarded', behaviour: 'A blocked SIGCHLD with the default (ignoring) disposition is pending, not discarded',
    steps: [fork(1), block(2, 'SIGCHLD'), fork(2), exit(3, 0), sigpending(2)] },
  { name: 'r16-namespace-init-exit', row: 'R16', switch: 'initExit', behaviour: 'The exit of init ends the pid namespace instead of panicking',
    steps: [exit(1, 0)] },
  { name: 'r17-thread-takes-a-pid', row: 'R17', switch: 'threadsTakePids', behaviour: 'A new thread takes the next pid (its tid), so the next fork gets the one after',
    steps: [thrNew(1), fork(1)] },
  { name: 'r18-no-abort2', row: 'R18', switch: 'unsupportedCalls', behaviour: 'abort2, owait, rfork (and, in the harness, the terminal calls) do not exist',
    steps: [fork(1), abort2(2)] },
  { name: 'w01-value-4-is-wexited', row: 'W1', switch: 'waitOptionMask', behaviour: 'Option bit 4 is WCONTINUED on FreeBSD, WEXITED (refused by wait4) on Linux',
    steps: [wait4(1, -1, [], 4)] },
  { name: 'w01-wall-accepted', row: 'W1', switch: 'waitOptionMask', behaviour: '__WALL (0x40000000) is a valid wait4 option and takes both kinds of children',
    steps: [fork(1), exit(2, 0), wait4(1, 2, [], WALL)] },
  { name: 'w02-int-min-is-esrch', row: 'W2', switch: 'intMinWpid', behaviour: 'wait4(INT_MIN) gives ESRCH',
    steps: [fork(1), wait4(1, INT_MIN)] },
  { name: 'w04-wnohang-leaves-status', row: 'W4', switch: 'wnohangCopiesOut', behaviour: 'A WNOHANG wait that returns 0 writes no status',
    steps: [fork(1), wait4(1, 2, ['WNOHANG'])], focus: 1 },
  { name: 'w05-wait0-in-group-1', row: 'host', switch: 'waitPid0InGroup1IsAny', behaviour: 'wait4(0) in process group 1 waits for group 1, not for any child (-pgid is WAIT_ANY on FreeBSD)',
    steps: [fork(1), setpgid(2, 0, 0), exit(2, 0), wait4(1, 0, ['WNOHANG'])] },
  { name: 'w06-tracee-always-eligible', row: 'W6', switch: 'tracedAlwaysEligible', behaviour: 'A tracer\'s wait with __WCLONE still reaps its traced ordinary child',
    steps: [fork(1), traceMe(2), exit(2, 3), wait4(1, 2, ['WLINUXCLONE'])] },
  { name: 'w12-stop-report-has-rusage', row: 'W12', switch: 'stopReportsRusage', behaviour: 'A stop report writes the child\'s real usage',
    steps: [fork(1), run(2, 3), kill(2, 2, 'SIGSTOP'), wait4(1, 2, ['WUNTRACED'])], focus: 3 },
  { name: 'w17-signal-wakeup-rescans', row: 'W17', switch: 'signalWakeRescans', behaviour: 'A caught signal wakes a blocked wait, which rescans and returns ECHILD instead of EINTR',
    steps: [fork(1), setpgid(2, 0, 0), catchSig(2, 'SIGUSR1'), fork(2), wait4(2, 0), setpgid(3, 0, 0), exit(3, 0), kill(1, 2, 'SIGUSR1')], focus: 7 },
  { name: 't03-attach-to-stopped-retraps', row: 'T3', switch: 'attachReparents', behaviour: 'Attaching to a group-stopped process leaves it stopped and reports an attach stop',
    steps: [fork(1), kill(2, 2, 'SIGSTOP'), wait4(1, 2, ['WUNTRACED']), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2, ['WNOHANG'])] },
  { name: 't04-injected-sigstop-group-stops', row: 'T4', switch: 'tracedStopSignalStops', behaviour: 'A tracee resumed with SIGSTOP group-stops, and its real parent sees the stop',
    steps: [fork(1), fork(2), fork(1), ptrace(4, 'PT_ATTACH', 3), wait4(4, 3), ptrace(4, 'PT_CONTINUE', 3, 'SIGSTOP'), wait4(2, 3, ['WNOHANG', 'WUNTRACED'])] },
  { name: 't05-sigkill-kills-trace-stopped', row: 'T5', switch: 'sigkillBypassesTrace', behaviour: 'SIGKILL to a trace-stopped tracee kills it at once',
    steps: [fork(1), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2), kill(1, 2, 'SIGKILL'), wait4(1, 2, ['WNOHANG'])] },
  { name: 't07-traced-self-sigkill-no-stop', row: 'T7', switch: 'sigkillBypassesTrace', behaviour: 'A traced child\'s own SIGKILL kills it with no trace stop',
    steps: [fork(1), traceMe(2), kill(2, 2, 'SIGKILL'), wait4(1, 2)], focus: 3 },
  { name: 't08-attach-self-eperm', row: 'T8', switch: 'ptraceErrno', behaviour: 'PT_ATTACH to oneself gives EPERM',
    steps: [fork(1), ptrace(2, 'PT_ATTACH', 2)] },
  { name: 't08-attach-traced-eperm', row: 'T8', switch: 'ptraceErrno', behaviour: 'PT_ATTACH to a process already traced gives EPERM',
    steps: [fork(1), fork(1), ptrace(1, 'PT_ATTACH', 2), ptrace(3, 'PT_ATTACH', 2)] },
  { name: 't08-attach-zombie-eperm', row: 'T8', switch: 'ptraceErrno', behaviour: 'PT_ATTACH to a zombie gives EPERM',
    steps: [fork(1), exit(2, 0), ptrace(1, 'PT_ATTACH', 2)] },
  { name: 't08-continue-untraced-esrch', row: 'T8', switch: 'ptraceErrno', behaviour: 'PT_CONTINUE on a process nobody traces gives ESRCH',
    steps: [fork(1), ptrace(1, 'PT_CONTINUE', 2)] },
  { name: 't08-continue-running-esrch', row: 'T8', switch: 'ptraceErrno', behaviour: 'PT_CONTINUE on a running tracee gives ESRCH',
    steps: [fork(1), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2), ptrace(1, 'PT_CONTINUE', 2), ptrace(1, 'PT_CONTINUE', 2)] },
  { name: 't08-trace-me-twice-eperm', row: 'T8', switch: 'ptraceErrno', behaviour: 'A second PT_TRACE_ME gives EPERM',
    steps: [fork(1), traceMe(2), traceMe(2)] },
  { name: 't08-attach-ancestor-allowed', row: 'T8', switch: 'attachChecksAncestor', behaviour: 'A tracee may attach to its own tracer\'s ancestor',
    steps: [fork(1), fork(2), traceMe(3), ptrace(3, 'PT_ATTACH', 2)] },
  { name: 's6-continue-bad-signal-eio', row: '§6', switch: 'ptraceErrno', behaviour: 'PT_CONTINUE with a signal number out of range gives EIO',
    steps: [fork(1), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2), ptrace(1, 'PT_CONTINUE', 2, 200)] },
  { name: 's6-continue-without-wait', row: '§6', switch: 'resumeNeedsWaitedStop', behaviour: 'A tracer may resume a trace-stopped tracee it has not waited for',
    steps: [fork(1), ptrace(1, 'PT_ATTACH', 2), ptrace(1, 'PT_CONTINUE', 2)] },
  { name: 's6-getpgid-finds-zombie', row: '§6', switch: 'pgrpCallsFindZombies', behaviour: 'getpgid and setpgid find zombies',
    steps: [fork(1), exit(2, 0), getpgid(1, 2)] },
  { name: 'j01-reaper-in-session-keeps-group', row: 'J1', switch: 'orphanedGroups', behaviour: 'A group whose members are adopted by a reaper of the same session is not orphaned: no SIGHUP/SIGCONT',
    steps: [fork(1), fork(2), setpgid(3, 0, 0), kill(3, 3, 'SIGSTOP'), exit(2, 0), wait4(1, 3, ['WNOHANG', 'WUNTRACED'])] },
  { name: 'j03-pids-wrap-to-300', row: 'J3', switch: 'pidWrapFloor', behaviour: 'Pids wrap to 300 (RESERVED_PIDS), not to the configured floor',
    config: { pidMax: 302, pidFloor: 2 }, steps: wrapAround(302) },
  { name: 'e20-vfork-child-stops', row: 'host', switch: 'vforkChildDefersStops', behaviour: 'A vfork child stops at once; FreeBSD defers its stop until exec or exit (E20)',
    steps: [fork(1), vfork(2), kill(3, 3, 'SIGSTOP'), getppid(3)] },
  { name: 'host-vfork-wait-killable', row: 'host', switch: 'vforkWaitKillable', behaviour: 'SIGKILL ends a vfork parent\'s wait for its child at once',
    steps: [fork(1), vfork(2), kill(1, 2, 'SIGKILL')] },
  { name: 'host-kill0-by-init', row: 'host', switch: 'killpgSkipsInit', behaviour: 'kill(0, sig) by init reaches init itself, so it succeeds',
    steps: [kill(1, 0, 'SIGCONT')] },
  { name: 'host-own-sigkill-no-return', row: 'host', switch: 'deathBeforeReturn', behaviour: 'A process that SIGKILLs itself never returns from kill',
    steps: [fork(1), kill(2, 2, 'SIGKILL')] },
  { name: 'host-kill-all-finds-zombies', row: 'host', switch: 'killAllFindsZombies', behaviour: 'kill(-1) counts zombies as found',
    steps: [fork(1), exit(2, 0), kill(1, -1, 0)] },
  { name: 'host-init-nocldwait', row: 'host', switch: 'initMayNocldwait', behaviour: 'The namespace init may set SA_NOCLDWAIT, so its children are reaped at exit',
    steps: [defaultSig(1, 'SIGCHLD', ['SA_NOCLDWAIT']), fork(1), exit(2, 0), wait4(1, -1, ['WNOHANG'])] },
  { name: 'host-tracee-stops-on-ignored-signal', row: 'host', switch: 'tracedNeverIgnores', behaviour: 'A tracee trace-stops even on a signal it ignores (here SIGCHLD by default)',
    steps: [fork(1), traceMe(2), fork(2), exit(3, 0), wait4(1, 2, ['WNOHANG'])] },
  { name: 'host-completions-by-issuing-step', row: 'host', switch: 'completionOrder', behaviour: 'Sleepers one step completes are listed by the step that issued their call, oldest first',
    steps: [fork(1), fork(2), wait4(1, 2), wait4(2, 3), kill(3, 2, 'SIGKILL')] },
  { name: 'host-setpgid-child-only', row: 'host', switch: 'setpgidChildOnly', behaviour: 'setpgid reaches only the caller\'s children, not a grandchild (ESRCH)',
    steps: [fork(1), fork(2), setpgid(1, 3, 0)] },
  { name: 'host-exec-keeps-sigchld-ignored', row: 'host', switch: 'execResetsIgnoredSigchld', behaviour: 'SIGCHLD\'s SIG_IGN survives exec, so children are still reaped at exit (FreeBSD E18 resets it)',
    steps: [fork(1), ignoreSig(2, 'SIGCHLD'), execve(2), fork(2), exit(3, 0), wait4(2, 3, ['WNOHANG'])] },
  { name: 'host-vfork-return-after-stop', row: 'host', switch: 'vforkReturnAfterSignals', behaviour: 'A vfork parent traced meanwhile stops on its release before vfork returns; the return comes when it is resumed',
    steps: [fork(1), vfork(2), ptrace(1, 'PT_ATTACH', 2), exit(3, 0), wait4(1, 2), ptrace(1, 'PT_CONTINUE', 2)] },
  { name: 'host-setuid-child-undumpable', row: 'host', switch: 'setuidMakesUndumpable', behaviour: 'After setuid, a child the process forks is not dumpable: PT_ATTACH by the same (non-root) uid gives EPERM',
    steps: [fork(1), setuid(2, 1), fork(2), ptrace(2, 'PT_ATTACH', 3)] },
  { name: 'host-sigkill-before-pending-sighup', row: 'host', switch: 'sigkillFirst', behaviour: 'A stopped process with SIGHUP pending that gets SIGKILL dies by SIGKILL, not by the lower-numbered SIGHUP',
    steps: [fork(1), kill(1, 2, 'SIGSTOP'), kill(1, 2, 'SIGHUP'), kill(1, 2, 'SIGKILL'), wait4(1, 2)] },
  { name: 'host-group-stop-outlives-trace', row: 'host', switch: 'groupStopOutlivesTrace', behaviour: 'A stopped process attached, continued and detached is stopped again: its group stop lasts until SIGCONT',
    steps: [fork(1), kill(2, 2, 'SIGSTOP'), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2), ptrace(1, 'PT_CONTINUE', 2), wait4(1, 2), ptrace(1, 'PT_DETACH', 2), kill(1, 2, 'SIGCONT'), wait4(1, 2, ['WNOHANG', 'WCONTINUED'])] },
  { name: 'host-group-stop-reported-while-traced', row: 'host', switch: 'groupStopOutlivesTrace', behaviour: 'A group stop its parent has not waited for stays reportable to the parent\'s WUNTRACED wait while another process traces and resumes the child (linux.md T4)',
    steps: [fork(1), fork(1), kill(2, -1, 'SIGSTOP'), ptrace(2, 'PT_ATTACH', 3), ptrace(2, 'PT_CONTINUE', 3), wait4(1, -1, ['WUNTRACED'])], focus: 5 },
  { name: 'host-attach-stop-before-pending-signal', row: 'host', switch: 'attachStopOnThreadQueue', behaviour: 'A stopped process sent SIGTERM, then attached and continued, reports the attach\'s SIGSTOP before the SIGTERM: the attach queues it on the thread, taken first',
    steps: [fork(1), kill(1, 2, 'SIGSTOP'), kill(1, 2, 'SIGTERM'), ptrace(1, 'PT_ATTACH', 2), ptrace(1, 'PT_CONTINUE', 2), wait4(1, 2), ptrace(1, 'PT_CONTINUE', 2), wait4(1, 2)], focus: 5 },
  { name: 'host-tty-stop-judged-when-taken', row: 'host', switch: 'ttyStopJudgedWhenTaken', behaviour: 'A SIGTSTP sent to a vfork parent while its group is orphaned waits for the vfork to end; a setpgid meanwhile ends the orphaning, so the parent then stops (seed 5 run 641)',
    steps: [fork(1), vfork(2), kill(1, 2, 'SIGTSTP'), setpgid(1, 2, 2), exit(3, 0), wait4(1, 2, ['WNOHANG', 'WUNTRACED'])], focus: 5 },
  { name: 'host-kill-missing-target-first', row: 'host', switch: 'killFindsTargetFirst', behaviour: 'kill with a bad signal and a missing target gives ESRCH: the target is looked up first',
    steps: [kill(1, 7, -1)] },
  { name: 'host-kill-all-unpermitted-succeeds', row: 'host', switch: 'killCountsUnpermitted', behaviour: 'kill(-1) by a non-root process among root processes returns 0 (FreeBSD: ESRCH, nobody could be signalled)',
    steps: [fork(1), fork(1), setuid(2, 1), kill(2, -1, 'SIGKILL')] },
  { name: 'host-sigstop-during-trace-stop', row: 'host', switch: 'traceStopDequeues', behaviour: 'A SIGSTOP sent while a tracee is trace-stopped on SIGSTOP is a new signal: the tracee stops again when continued',
    steps: [fork(1), traceMe(2), kill(2, 2, 'SIGSTOP'), wait4(1, 2), kill(1, 2, 'SIGSTOP'), ptrace(1, 'PT_CONTINUE', 2), wait4(1, 2, ['WNOHANG'])] },
  { name: 'host-trace-me-needs-rights', row: 'host', switch: 'traceMeNeedsRights', behaviour: 'PT_TRACE_ME by a root child of a parent that gave up root gives EPERM',
    steps: [fork(1), fork(2), setuid(2, 1), traceMe(3)] },
  { name: 'host-pt-kill-running-tracee', row: 'host', switch: 'killRequestAnyState', behaviour: 'PT_KILL kills a running tracee (FreeBSD: EBUSY, it must be stopped and waited for)',
    steps: [fork(1), traceMe(2), ptrace(1, 'PT_KILL', 2), wait4(1, 2)] },
  { name: 'host-ignored-sigcont-continues', row: 'host', switch: 'ignoredSigcontContinues', behaviour: 'SIGCONT set to SIG_IGN still continues a stopped process',
    steps: [fork(1), ignoreSig(2, 'SIGCONT'), kill(2, 2, 'SIGSTOP'), kill(1, 2, 'SIGCONT'), getppid(2)] },
  { name: 'host-delivery-by-linux-number', row: 'host', switch: 'deliveryByPlatformNumber', behaviour: 'Of two pending fatal signals the lower Linux number acts first: SIGUSR1 (10) before SIGTERM (15)',
    steps: [fork(1), block(2, 'SIGUSR1', 'SIGTERM'), kill(1, 2, 'SIGTERM'), kill(1, 2, 'SIGUSR1'), { pid: 2, call: 'sigprocmask', how: 'SIG_SETMASK', sigs: [] }, wait4(1, 2)] },
  { name: 'host-sigcont-cancels-held-stop', row: 'host', switch: 'traceStopDequeues', behaviour: 'A SIGCONT sent to a tracee in its attach stop cancels that SIGSTOP: after the tracer exits it runs on',
    steps: [fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), kill(1, 2, 'SIGCONT'), exit(3, 0), wait4(1, -1, ['WUNTRACED'])] },
  { name: 'host-sigcont-ends-traced-group-stop', row: 'host', switch: 'sigcontEndsTracedGroupStop', behaviour: 'SIGCONT to a group-stopped tracee held in its attach trap ends the group stop: WCONTINUED reports it, though the tracee stays trace-stopped',
    steps: [fork(1), kill(1, 2, 'SIGSTOP'), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2), kill(1, 2, 'SIGCONT'), wait4(1, 2, ['WNOHANG', 'WCONTINUED'])], focus: 5 },
  { name: 'host-continued-survives-stop-signal', row: 'host', switch: 'stopSignalEndsContinued', behaviour: 'A stop signal that does not stop (here blocked) leaves a continue reportable: only a completed group stop ends it',
    steps: [fork(1), block(2, 'SIGTSTP'), kill(2, 2, 'SIGSTOP'), kill(1, 2, 'SIGCONT'), kill(1, 2, 'SIGTSTP'), wait4(1, 2, ['WNOHANG', 'WCONTINUED'])] },
  { name: 'host-traced-wait-returns-when-resumed', row: 'host', switch: 'waitReturnAfterSignals', behaviour: 'A traced waiter woken by its child\'s stop trace-stops on the SIGCHLD before wait4 returns; the return comes when its tracer resumes it',
    steps: [fork(1), traceMe(2), fork(2), wait4(2, -1, ['WUNTRACED']), kill(3, 3, 'SIGSTOP'), wait4(1, 2, ['WNOHANG']), ptrace(1, 'PT_CONTINUE', 2)] },
  { name: 'j04-init-ignores-sigstop', row: 'J4', switch: 'initDiscardsDefaultSignals', behaviour: 'The namespace init discards a signal it has no handler for (unless blocked): a SIGSTOP does not stop it asleep in wait4',
    steps: [fork(1), wait4(1, -1), kill(2, 1, 'SIGSTOP'), exit(2, 4)] },
  { name: 'host-threads-count-against-nproc', row: 'host', switch: 'threadsCountAgainstNproc', behaviour: 'RLIMIT_NPROC counts threads: under a limit of 3, a process with a child and a second thread cannot fork',
    config: { nprocLimit: 3 }, steps: [setuid(1, 1), fork(1), thrNew(1), fork(1)] },
  { name: 'host-kill-by-thread-id', row: 'host', switch: 'tidsNameTheirProcess', behaviour: 'A thread id names its process: kill(tid) signals the process that owns the thread',
    steps: [fork(1), thrNew(2), kill(1, 3, 'SIGTERM'), wait4(1, 2)] },
  { name: 'host-stop-abandons-wait', row: 'host', switch: 'stopAbandonsWait', behaviour: 'A stop abandons a wait4 sleep: a caught SIGCHLD (no SA_RESTART) that came during the stop makes it EINTR when continued, though a child is waiting to be reaped',
    steps: [fork(1), fork(2), catchSig(2, 'SIGCHLD'), wait4(2, -1), kill(1, 2, 'SIGSTOP'), exit(3, 0), kill(1, 2, 'SIGCONT')] },
  { name: 'host-setuid-no-uid', row: 'host', switch: 'setuidRefusesNoUid', behaviour: 'setuid((uid_t)-1) gives EINVAL, before any permission check: -1 names no user (kernel/sys.c uid_valid); FreeBSD r176365 lets root take it',
    steps: [setuid(1, 0xffffffff), fork(1)] },
  { name: 'host-restart-decided-by-handler', row: 'host', switch: 'restartDecidedByHandler', behaviour: 'The first handler decides an interrupted wait: a traced waiter interrupted by the attach\'s SIGSTOP, continued with a caught SIGUSR2 without SA_RESTART, gets EINTR (handle_signal); FreeBSD decided at the SIGSTOP\'s posting and restarts the wait',
    steps: [fork(1), fork(2), catchSig(2, 'SIGUSR2'), fork(1), wait4(2, -1), ptrace(4, 'PT_ATTACH', 2), wait4(4, 2), ptrace(4, 'PT_CONTINUE', 2, 'SIGUSR2')] },
];
