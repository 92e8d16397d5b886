import { exit, fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import type { Step } from '../../interleaving';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * Linux's two signal queues, found by the host campaign of seed 4 (run 680): PT_ATTACH queues its
 * SIGSTOP on the thread, kill(2) on the process, and the thread's queue is emptied first, so a
 * signal sent before the attach is reported after the attach's SIGSTOP (attachStopOnThreadQueue).
 */
const FORKS = ['pid 1 fork → 2', 'pid 1 fork → 3'];
/** Pid 3 attaches to its sibling 2 and exits: 2 is detached and left in its group stop. */
const DETACHED_STOPPED: Step[] = [fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), exit(3, 0)];
const DETACHED = [...FORKS, 'pid 3 ptrace → 0', 'pid 3 exit does not return'];
/** Init sends 2 a signal, attaches to it and resumes it. */
const sentAttachedResumed = (sig: 'SIGTERM' | 'SIGUSR1'): Step[] => [kill(1, 2, sig), ptrace(1, 'PT_ATTACH', 2), ptrace(1, 'PT_CONTINUE', 2)];
const SENT_ATTACHED_RESUMED = ['pid 1 kill → 0', 'pid 1 ptrace → 0', 'pid 1 ptrace → 0'];
const stopReport = (pid: number, sig: string, raw: string): string => `pid 1 wait4 → ${pid}, stopped(${sig}) ${raw}, utime 0`;

const CASES: LiteralCase[] = [
  {
    name: 'seed 4 run 680: the resumed tracee reports the attach\'s SIGSTOP, not the SIGTERM sent before it',
    steps: [...DETACHED_STOPPED, ...sentAttachedResumed('SIGTERM'), wait4(1, -1)],
    want: [...DETACHED, ...SENT_ATTACHED_RESUMED, stopReport(2, 'SIGSTOP', '0x137f')],
  },
  {
    name: 'the SIGTERM follows at the next resume',
    steps: [...DETACHED_STOPPED, ...sentAttachedResumed('SIGTERM'), wait4(1, -1), ptrace(1, 'PT_CONTINUE', 2), wait4(1, -1)],
    want: [...DETACHED, ...SENT_ATTACHED_RESUMED, stopReport(2, 'SIGSTOP', '0x137f'), 'pid 1 ptrace → 0', stopReport(2, 'SIGTERM', '0xf7f')],
  },
  {
    name: 'a lower-numbered signal waits too',
    steps: [...DETACHED_STOPPED, ...sentAttachedResumed('SIGUSR1'), wait4(1, -1)],
    want: [...DETACHED, ...SENT_ATTACHED_RESUMED, stopReport(2, 'SIGSTOP', '0x137f')],
  },
  {
    name: 'the attach trap is waited for first, then the queued SIGSTOP',
    steps: [...DETACHED_STOPPED, kill(1, 2, 'SIGTERM'), ptrace(1, 'PT_ATTACH', 2), wait4(1, -1), ptrace(1, 'PT_CONTINUE', 2), wait4(1, -1)],
    want: [...DETACHED, 'pid 1 kill → 0', 'pid 1 ptrace → 0', stopReport(2, 'SIGSTOP', '0x137f'), 'pid 1 ptrace → 0', stopReport(2, 'SIGSTOP', '0x137f')],
  },
  {
    name: 'a child stopped by kill, not by a tracer, orders them the same way',
    steps: [fork(1), fork(1), kill(1, 2, 'SIGSTOP'), ...sentAttachedResumed('SIGTERM'), wait4(1, -1)],
    want: [...FORKS, 'pid 1 kill → 0', ...SENT_ATTACHED_RESUMED, stopReport(2, 'SIGSTOP', '0x137f')],
  },
  {
    name: 'without a tracer, a SIGCONT lets the pending SIGTERM kill it',
    steps: [...DETACHED_STOPPED, kill(1, 2, 'SIGTERM'), kill(1, 2, 'SIGCONT'), wait4(1, -1, ['WNOHANG'])],
    want: [...DETACHED, 'pid 1 kill → 0', 'pid 1 kill → 0', 'pid 1 wait4 → 2, signaled(SIGTERM) 0xf, utime 0'],
  },
];

pinLiterally('the attach\'s SIGSTOP on the thread queue', CASES);

testNeedsItsSwitch('host-attach-stop-before-pending-signal', 'attachStopOnThreadQueue', [
  'step 5 (wait4 by 1): status.raw (status): expected 0x137f, got 0xf7f',
  'step 7 (wait4 by 1): status.raw (status): expected 0xf7f, got 0x137f',
]);
