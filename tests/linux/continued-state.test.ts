import { block, defaultSig, exit, fork, getppid, ignoreSig, kill, ptrace, sigpending, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * Linux's continued state (SIGNAL_STOP_CONTINUED), found by the host campaigns of seeds 2 and 3:
 * a SIGCONT ends a tracee's group stop even in a trace stop (sigcontEndsTracedGroupStop), and only
 * a completed group stop, not a stop signal's posting, ends the continued state
 * (stopSignalEndsContinued).
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 2 run 105 (shrunk): SIGCONT to a group-stopped tracee in its attach trap is a continue',
    steps: [fork(1), kill(1, -1, 'SIGSTOP'), ptrace(1, 'PT_ATTACH', 2), wait4(1, -1), kill(1, 2, 'SIGCONT'), wait4(1, -1, ['WCONTINUED'])],
    want: ['pid 1 fork → 2', 'pid 1 kill → 0', 'pid 1 ptrace → 0', 'pid 1 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 kill → 0', 'pid 1 wait4 → 2, continued 0xffff, utime 0'],
  },
  {
    name: 'seed 3 run 60 (shrunk): the attach SIGSTOP of a continued process leaves the continue reportable',
    steps: [fork(1), { pid: 1, call: 'thr_new' }, fork(1), kill(4, 4, 'SIGSTOP'), kill(1, 4, 'SIGCONT'), ptrace(2, 'PT_ATTACH', 4), wait4(1, -1, ['WCONTINUED'])],
    want: ['pid 1 fork → 2', 'pid 1 thr_new → 0', 'pid 1 fork → 4', 'pid 4 kill → 0', 'pid 1 kill → 0', 'pid 2 ptrace → 0', 'pid 1 wait4 → 4, continued 0xffff, utime 0'],
  },
  {
    // SIGCHLD is flushed (SIG_IGN) and blocked first, so `sigpending` shows only the continue's.
    name: 'the parent hears of the continue (SIGCHLD) only when the tracer resumes the tracee',
    steps: [
      fork(1), fork(1), kill(1, 2, 'SIGSTOP'), ptrace(3, 'PT_ATTACH', 2), wait4(3, 2), ignoreSig(1, 'SIGCHLD'), defaultSig(1, 'SIGCHLD'), block(1, 'SIGCHLD'),
      kill(1, 2, 'SIGCONT'), wait4(1, 2, ['WNOHANG', 'WUNTRACED']), sigpending(1), ptrace(3, 'PT_CONTINUE', 2), sigpending(1), wait4(3, 2, ['WNOHANG']),
    ],
    want: [
      'pid 1 fork → 2', 'pid 1 fork → 3', 'pid 1 kill → 0', 'pid 3 ptrace → 0', 'pid 3 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 sigaction → 0', 'pid 1 sigaction → 0', 'pid 1 sigprocmask → 0',
      'pid 1 kill → 0', 'pid 1 wait4 → 0', 'pid 1 sigpending → 0, pending {}', 'pid 3 ptrace → 0', 'pid 1 sigpending → 0, pending {SIGCHLD}', 'pid 3 wait4 → 2, stopped(SIGCONT) 0x127f, utime 0',
    ],
  },
  {
    name: 'a SIGKILL before the tracee runs again: it dies without announcing the continue',
    steps: [
      fork(1), fork(1), kill(1, 2, 'SIGSTOP'), ptrace(3, 'PT_ATTACH', 2), wait4(3, 2), ignoreSig(1, 'SIGCHLD'), defaultSig(1, 'SIGCHLD'), block(1, 'SIGCHLD'),
      kill(1, 2, 'SIGCONT'), kill(1, 2, 'SIGKILL'), wait4(1, 2, ['WNOHANG']),
    ],
    want: [
      'pid 1 fork → 2', 'pid 1 fork → 3', 'pid 1 kill → 0', 'pid 3 ptrace → 0', 'pid 3 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 sigaction → 0', 'pid 1 sigaction → 0', 'pid 1 sigprocmask → 0',
      'pid 1 kill → 0', 'pid 1 kill → 0', 'pid 1 wait4 → 0',
    ],
  },
  {
    name: 'seed 3 run 993 (shrunk): the tracer exits, the detached tracee runs on and its parent, asleep, hears of the continue',
    steps: [fork(1), kill(2, 2, 'SIGSTOP'), fork(1), wait4(1, 2, ['WCONTINUED']), ptrace(3, 'PT_ATTACH', 2), kill(3, -1, 'SIGCONT'), exit(3, 0), getppid(2)],
    want: ['pid 1 fork → 2', 'pid 2 kill → 0', 'pid 1 fork → 3', 'pid 1 wait4 sleeps', 'pid 3 ptrace → 0', 'pid 3 kill → 0', 'pid 3 exit does not return; pid 1 wait4 → 2, continued 0xffff, utime 0', 'pid 2 getppid → 1'],
  },
  {
    name: 'the same for a tracee group-stopped by the SIGSTOP its tracer resumed it with',
    steps: [fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), wait4(3, 2), ptrace(3, 'PT_CONTINUE', 2, 'SIGSTOP'), wait4(3, 2), kill(1, 2, 'SIGCONT'), wait4(1, 2, ['WNOHANG', 'WCONTINUED', 'WUNTRACED']), exit(3, 0), getppid(2)],
    want: [
      'pid 1 fork → 2', 'pid 1 fork → 3', 'pid 3 ptrace → 0', 'pid 3 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 3 ptrace → 0', 'pid 3 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0',
      'pid 1 kill → 0', 'pid 1 wait4 → 2, continued 0xffff, utime 0', 'pid 3 exit does not return', 'pid 2 getppid → 1',
    ],
  },
];

pinLiterally('the continued state', CASES);

const NO_CONTINUE_REPORTED = [
  'step 5 (wait4 by 1): ret: expected 2, got 0',
  'step 5 (wait4 by 1): status.raw (status): expected 0xffff, got nothing',
  'step 5 (wait4 by 1): rusage: expected {"utime":0}, got nothing',
];

testNeedsItsSwitch('host-sigcont-ends-traced-group-stop', 'sigcontEndsTracedGroupStop', NO_CONTINUE_REPORTED);
testNeedsItsSwitch('host-continued-survives-stop-signal', 'stopSignalEndsContinued', NO_CONTINUE_REPORTED);
