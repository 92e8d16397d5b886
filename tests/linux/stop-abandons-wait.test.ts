import { catchSig, exit, fork, kill, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * A stop abandons a wait4 sleep (stopAbandonsWait), found by the host campaign of seed 4: after the
 * stop, the first handler run before the restart decides the call, EINTR without SA_RESTART.
 */
const parked = [fork(1), fork(2)];
const parkedWant = ['pid 1 fork → 2', 'pid 2 fork → 3'];

const CASES: LiteralCase[] = [
  {
    name: 'seed 4 run 81 (shrunk): a caught SIGCHLD during the stop gives EINTR',
    steps: [...parked, catchSig(2, 'SIGCHLD'), wait4(2, -1), kill(1, 2, 'SIGSTOP'), exit(3, 0), kill(1, 2, 'SIGCONT'), wait4(2, -1)],
    want: [...parkedWant, 'pid 2 sigaction → 0', 'pid 2 wait4 sleeps', 'pid 1 kill → 0', 'pid 3 exit does not return', 'pid 1 kill → 0; pid 2 wait4 → EINTR', 'pid 2 wait4 → 3, exited(0) 0x0, utime 0'],
  },
  {
    name: 'with SA_RESTART the wait restarts and reaps the child',
    steps: [...parked, catchSig(2, 'SIGCHLD', ['SA_RESTART']), wait4(2, -1), kill(1, 2, 'SIGSTOP'), exit(3, 0), kill(1, 2, 'SIGCONT')],
    want: [...parkedWant, 'pid 2 sigaction → 0', 'pid 2 wait4 sleeps', 'pid 1 kill → 0', 'pid 3 exit does not return', 'pid 1 kill → 0; pid 2 wait4 → 3, exited(0) 0x0, utime 0'],
  },
  {
    name: 'the first handler decides: SIGUSR1 (SA_RESTART, number 10) before SIGUSR2 (12)',
    steps: [...parked, catchSig(2, 'SIGUSR1', ['SA_RESTART']), catchSig(2, 'SIGUSR2'), wait4(2, -1), kill(1, 2, 'SIGSTOP'), kill(1, 2, 'SIGUSR2'), kill(1, 2, 'SIGUSR1'), kill(1, 2, 'SIGCONT'), exit(3, 0)],
    want: [...parkedWant, 'pid 2 sigaction → 0', 'pid 2 sigaction → 0', 'pid 2 wait4 sleeps', 'pid 1 kill → 0', 'pid 1 kill → 0', 'pid 1 kill → 0', 'pid 1 kill → 0', 'pid 3 exit does not return; pid 2 wait4 → 3, exited(0) 0x0, utime 0'],
  },
  {
    name: 'no handler: continued, the wait sleeps on and reaps the child later',
    steps: [...parked, wait4(2, -1), kill(1, 2, 'SIGSTOP'), kill(1, 2, 'SIGCONT'), exit(3, 0)],
    want: [...parkedWant, 'pid 2 wait4 sleeps', 'pid 1 kill → 0', 'pid 1 kill → 0', 'pid 3 exit does not return; pid 2 wait4 → 3, exited(0) 0x0, utime 0'],
  },
  {
    name: 'killed while stopped: the wait never returns',
    steps: [...parked, wait4(2, -1), kill(1, 2, 'SIGSTOP'), kill(1, 2, 'SIGKILL'), wait4(1, 2)],
    want: [...parkedWant, 'pid 2 wait4 sleeps', 'pid 1 kill → 0', 'pid 1 kill → 0; pid 2 wait4 does not return', 'pid 1 wait4 → 2, signaled(SIGKILL) 0x9, utime 0'],
  },
];

pinLiterally('a wait abandoned by a stop', CASES);

testNeedsItsSwitch('host-stop-abandons-wait', 'stopAbandonsWait', [
  'step 6 (kill by 1): wakes[0].errno: expected "EINTR", got nothing',
]);
