import { exit, fork, kill, ptrace, traceMe, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * A wait a step completes returns to user space only after the signals then pending are dealt
 * with (waitReturnAfterSignals), found by the host campaign of seed 3: a traced waiter woken by a
 * child's stop stops on the SIGCHLD that came with the wakeup, and its wait4 returns when its
 * tracer resumes it.
 */
const traced = [fork(1), fork(1), ptrace(2, 'PT_ATTACH', 3), ptrace(2, 'PT_CONTINUE', 3), fork(3), wait4(3, -1, ['WUNTRACED']), kill(4, 4, 'SIGSTOP')];
const tracedWant = ['pid 1 fork → 2', 'pid 1 fork → 3', 'pid 2 ptrace → 0', 'pid 2 ptrace → 0', 'pid 3 fork → 4', 'pid 3 wait4 sleeps', 'pid 4 kill → 0'];

const CASES: LiteralCase[] = [
  {
    name: 'seed 3 run 128 (shrunk, then resumed): the waiter returns in its tracer\'s PT_CONTINUE',
    steps: [...traced, wait4(2, 3, ['WNOHANG']), ptrace(2, 'PT_CONTINUE', 3)],
    want: [...tracedWant, 'pid 2 wait4 → 3, stopped(SIGCHLD) 0x117f, utime 0', 'pid 2 ptrace → 0; pid 3 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0'],
  },
  {
    name: 'killed while held: the wait never returns',
    steps: [...traced, kill(1, 3, 'SIGKILL'), wait4(2, 3, ['WNOHANG'])],
    want: [...tracedWant, 'pid 1 kill → 0; pid 3 wait4 does not return', 'pid 2 wait4 → 3, signaled(SIGKILL) 0x9, utime 0'],
  },
  {
    name: 'the tracer exits: the detached waiter returns',
    steps: [...traced, exit(2, 0)],
    want: [...tracedWant, 'pid 2 exit does not return; pid 3 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0'],
  },
  {
    // Here the SIGCHLD comes before the wakeup (exit1 signals, then wakes), so the trace stop comes first anyway.
    name: 'woken by an exit, resumed with the SIGCHLD (ignored by default)',
    steps: [fork(1), traceMe(2), fork(2), wait4(2, -1), exit(3, 3), wait4(1, 2, ['WNOHANG']), ptrace(1, 'PT_CONTINUE', 2, 'SIGCHLD'), wait4(1, 2, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 2 ptrace → 0', 'pid 2 fork → 3', 'pid 2 wait4 sleeps', 'pid 3 exit does not return', 'pid 1 wait4 → 2, stopped(SIGCHLD) 0x117f, utime 0', 'pid 1 ptrace → 0; pid 2 wait4 → 3, exited(3) 0x300, utime 0', 'pid 1 wait4 → 0'],
  },
];

pinLiterally('a completed wait held by its signals', CASES);

testNeedsItsSwitch('host-traced-wait-returns-when-resumed', 'waitReturnAfterSignals', [
  'step 4 (kill by 3): wakes: expected 0 completed sleeper(s), got 1: 2 (wait4)',
  'step 6 (ptrace by 1): wakes: expected 1 completed sleeper(s), got 0: none',
]);
