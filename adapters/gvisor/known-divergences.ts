import type { Config, Step } from '../../interleaving';
import { exit, fork, kill, run, setpgid, vfork, wait4 } from '../../properties/divergences/steps';

/**
 * One way gVisor (runsc 0.0~20221219) differs from Linux, found by `reapcheck run --impl gvisor`
 * and shrunk by hand to the interleaving that shows it. Linux's side is the `linux` profile, which
 * the host kernel agrees with; the difference is a finding about gVisor, not a profile switch.
 */
export interface GvisorDivergence {
  /** The fixture's name (fixtures/gvisor/<name>.json). */
  name: string;
  /** What gVisor does differently, in a line. */
  behaviour: string;
  /** What gVisor did at step `at` when it was found, for docs/divergences.md (the test re-observes it). */
  gvisor: string;
  config?: Partial<Config>;
  steps: Step[];
  /** The step where gVisor parts from Linux. */
  at: number;
  /** The compared field that differs there (runner/compare.ts names: kind, ret, rusage.utime, ...), or `rejected`: gVisor refuses the step. */
  field: string;
  /** gVisor shows it on some replays only (tests/gvisor replays it until it does, up to a bound). */
  intermittent?: true;
}

const getrusage = (pid: number): Step => ({ pid, call: 'getrusage', who: 'RUSAGE_SELF' });
const setsid = (pid: number): Step => ({ pid, call: 'setsid' });

/** Every known divergence; `tests/gvisor/` fails when gVisor stops showing one (remove it then). */
export const GVISOR_DIVERGENCES: readonly GvisorDivergence[] = [
  { name: 'gvisor-init-killed-by-own-sigkill', field: 'kind', at: 0,
    behaviour: 'The pid namespace init dies of (or stops on) a signal at its default action that it sends itself or its group (SIGKILL, SIGTERM, SIGSTOP, ...); Linux drops signals from inside the namespace that init does not handle (SIGNAL_UNKILLABLE)',
    gvisor: 'pid 1 kill does not return; panic: the namespace init (pid 1) exited',
    steps: [kill(1, 1, 'SIGKILL')] },
  { name: 'gvisor-session-leader-setpgid', field: 'ret', at: 0,
    behaviour: 'A session leader may move itself into a new process group: setpgid(0, 0) by init returns 0 instead of EPERM',
    gvisor: 'pid 1 setpgid → 0',
    steps: [setpgid(1, 0, 0)] },
  { name: 'gvisor-setsid-returns-zero', field: 'ret', at: 1,
    behaviour: 'setsid() returns 0 instead of the new session id',
    gvisor: 'pid 2 setsid → 0',
    steps: [fork(1), setsid(2)] },
  { name: 'gvisor-orphaned-group-tty-stop', field: 'ret', at: 2,
    behaviour: 'SIGTSTP stops a process of an orphaned process group; Linux discards terminal stop signals there (here init\'s parent is outside the namespace, so group 1 is orphaned)',
    gvisor: 'pid 1 wait4 → 2, stopped(SIGTSTP) 0x147f',
    steps: [fork(1), kill(1, 2, 'SIGTSTP'), wait4(1, 2, ['WNOHANG', 'WUNTRACED'])] },
  { name: 'gvisor-cpu-time-in-10ms-units', field: 'rusage.utime', at: 2,
    behaviour: 'CPU time is accounted in 10 ms units: a 5 ms burn is reported as 0, 10, 20 or 30 ms, never within Linux\'s tick of 5 ms',
    gvisor: 'pid 2 getrusage → 0, utime 30 (10 and 20 seen too)',
    steps: [fork(1), run(2, 5), getrusage(2)] },
  { name: 'gvisor-reap-hangs-up-orphaned-group', field: 'kind', at: 4,
    behaviour: 'Reaping a child while another child is stopped sends SIGHUP and SIGCONT to init\'s process group, which was orphaned already: init dies of the SIGHUP (with SIGHUP ignored, the stopped child is continued); Linux sends them only when a group becomes orphaned. Campaigns see the same after other tree changes (an exit, setpgid, a fatal kill) while a process is or was stopped',
    gvisor: 'pid 1 wait4 does not return; panic: the namespace init (pid 1) exited',
    steps: [fork(1), fork(1), kill(2, 2, 'SIGSTOP'), exit(3, 0), wait4(1, 3)] },
  { name: 'gvisor-setsid-with-child-deadlocks', field: 'rejected', at: 2,
    behaviour: 'setsid() by a process that has a child, in a pid namespace whose init leads its own session, never returns and wedges the sandbox; the harness refuses that call inside gVisor (unsupported), and adapters/gvisor/repro/setsid-deadlock.c shows the hang without it',
    gvisor: 'rejected (setsid: unsupported: gVisor deadlocks in setsid by a process with children in a nested pid namespace)',
    steps: [fork(1), fork(2), setsid(2)] },
  { name: 'gvisor-stopped-vfork-parent-returns', field: 'observations.length', at: 3,
    behaviour: 'A vfork parent stopped while it waits returns from vfork when the child exits, before it stops; Linux stops it first and holds the return until it is continued',
    gvisor: 'pid 3 exit does not return; pid 2 vfork → 3',
    steps: [fork(1), vfork(2), kill(1, 2, 'SIGSTOP'), exit(3, 0)] },
  { name: 'gvisor-blocking-wclone-wait-sleeps', field: 'kind', at: 2,
    behaviour: 'A blocking wait4(-1, __WCLONE) whose only child is an ordinary process with a second thread sleeps; Linux has no clone child to wait for and gives ECHILD (with WNOHANG alone gVisor gives ECHILD too; with WNOHANG and WUNTRACED or WCONTINUED it returns 0: G19)',
    gvisor: 'pid 1 wait4 sleeps',
    steps: [fork(1), { pid: 2, call: 'thr_new' }, { pid: 1, call: 'wait4', wpid: -1, options: ['WUNTRACED', 'WLINUXCLONE'], status: 'valid', rusage: 'null' }] },
  { name: 'gvisor-kill-all-unpermitted-fails', field: 'ret', at: 3,
    behaviour: 'kill(-1) by a non-root process that finds only processes it may not signal fails; Linux counts them as found and returns 0',
    gvisor: 'pid 2 kill → ESRCH',
    steps: [fork(1), fork(1), { pid: 2, call: 'setuid', uid: 1 }, kill(2, -1, 'SIGKILL')] },
  { name: 'gvisor-caught-sigchld-interrupts-completed-wait', field: 'ret', at: 4,
    behaviour: 'A wait4 asleep for any child, with SIGCHLD caught, returns EINTR when the child exits; on Linux the exit completes the wait, which returns the child before the handler runs',
    gvisor: 'pid 3 exit does not return; pid 2 wait4 → EINTR',
    steps: [{ pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'catch', flags: [] }, fork(1), fork(2), { ...wait4(2, -1), rusage: 'null' } as Step, exit(3, 0)] },
  { name: 'gvisor-wait-any-order', field: 'ret', at: 4, intermittent: true,
    behaviour: 'wait4(-1) with several children to report returns any of them (on about a third of replays here), where Linux returns the oldest first; here the older is init\'s own child and the younger an adopted grandchild. A sleeping wait4 woken by several deaths in one step does the same',
    gvisor: 'pid 1 wait4 → 3, exit status 0',
    steps: [fork(1), fork(2), exit(3, 0), exit(2, 1), { ...wait4(1, -1, ['WNOHANG']), rusage: 'null' } as Step] },
  { name: 'gvisor-kill-bad-signal-unpermitted', field: 'errno', at: 2,
    behaviour: 'kill() with an invalid signal number at a process the caller may not signal fails with EPERM; Linux checks the signal first and gives EINVAL',
    gvisor: 'pid 1 kill → EPERM',
    steps: [fork(1), { pid: 1, call: 'setuid', uid: 1001 }, kill(1, 2, 200)] },
  { name: 'gvisor-setpgid-after-execve', field: 'ret', at: 2,
    behaviour: 'setpgid() by a parent on a child that has called execve succeeds; Linux refuses it with EACCES',
    gvisor: 'pid 1 setpgid → 0',
    steps: [fork(1), { pid: 2, call: 'execve' }, setpgid(1, 2, 2)] },
  { name: 'gvisor-nproc-limit-not-enforced', field: 'ret', at: 2, config: { nprocLimit: 1 },
    behaviour: 'fork() ignores RLIMIT_NPROC: a non-root process already at its limit gets a child; Linux gives EAGAIN (the same for a new thread: Linux counts threads against the limit)',
    gvisor: 'pid 2 fork → 3',
    steps: [fork(1), { pid: 2, call: 'setuid', uid: 1001 }, fork(2)] },
  { name: 'gvisor-trace-me-unprivileged', field: 'ret', at: 2,
    behaviour: 'PT_TRACE_ME by the child of a non-root parent (same uid) fails with EPERM; Linux lets the parent trace it',
    gvisor: 'pid 2 ptrace → EPERM',
    steps: [{ pid: 1, call: 'setuid', uid: 1 }, fork(1), { pid: 2, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 }] },
  { name: 'gvisor-newly-orphaned-group-not-hung-up', field: 'ret', at: 5,
    behaviour: 'When an exit orphans init\'s process group while a member is stopped (the exiting process, in another group, was the member\'s parent), no SIGHUP and SIGCONT are sent: the member stays stopped; Linux hangs the group up, the member dies of the SIGHUP and init ignores it',
    gvisor: 'pid 1 ptrace → 0 (pid 3 alive and stopped)',
    steps: [fork(1), fork(2), setpgid(2, 0, 0), kill(3, 3, 'SIGSTOP'), exit(2, 0), { pid: 1, call: 'ptrace', req: 'PT_ATTACH', target: 3, data: 0 }] },
  { name: 'gvisor-group-kill-last-error', field: 'ret', at: 3, intermittent: true,
    behaviour: 'kill(0) by a non-root process whose group also holds processes it may not signal fails with EPERM on some replays (about one in two here), though it did signal what it could; Linux returns 0 when any member was signalled',
    gvisor: 'pid 3 kill → EPERM',
    steps: [fork(1), fork(2), { pid: 3, call: 'setuid', uid: 1 }, kill(3, 0, 'SIGTERM')] },
  { name: 'gvisor-wclone-stop-wait-counts-threads', field: 'ret', at: 2,
    behaviour: 'wait4(-1, WNOHANG | __WCLONE) with WUNTRACED or WCONTINUED, whose only child is an ordinary process with a second thread, returns 0 (a child to wait for, nothing to report); Linux has no clone child and gives ECHILD (without a second thread, or without WUNTRACED and WCONTINUED, gVisor gives ECHILD too; G9 is the blocking form)',
    gvisor: 'pid 1 wait4 → 0',
    steps: [fork(1), { pid: 2, call: 'thr_new' }, { pid: 1, call: 'wait4', wpid: -1, options: ['WNOHANG', 'WCONTINUED', 'WLINUXCLONE'], status: 'valid', rusage: 'null' }] },
  { name: 'gvisor-traced-zombie-kept-by-init', field: 'ret', at: 7,
    behaviour: 'A zombie traced by its own parent, which ignores SIGCHLD, is handed to init when that parent dies, and init reaps it; Linux releases it at once (its tracer was its parent and ignores children), so init has nothing to wait for',
    gvisor: 'pid 1 wait4 → 3',
    steps: [fork(1), { pid: 2, call: 'sigaction', sig: 'SIGCHLD', handler: 'SIG_IGN', flags: [] }, vfork(2), { pid: 3, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 }, exit(3, 1), kill(1, 2, 'SIGKILL'), { ...wait4(1, 2), rusage: 'null' } as Step, { ...wait4(1, -1, ['WNOHANG']), rusage: 'null' } as Step] },
];
