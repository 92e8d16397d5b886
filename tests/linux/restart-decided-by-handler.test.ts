import { createOracle } from '../../oracle';
import { catchSig, fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import { describeOutcome, runSteps } from '../../properties/divergences/outcome';
import { pinLiterally } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * Linux decides an interrupted wait when the first handler runs (restartDecidedByHandler): the call
 * left with ERESTARTSYS, and handle_signal makes it EINTR unless that handler has SA_RESTART; with no
 * handler it restarts. Found by a Stryker survivor (signal-delivery.ts), then on the host: P waits for
 * its live child 3, X (4) attaches, the attach's SIGSTOP interrupts the wait, X continues P with SIGUSR2.
 */
const traced = [fork(1), fork(2), catchSig(2, 'SIGUSR2'), fork(1), wait4(2, -1), ptrace(4, 'PT_ATTACH', 2), wait4(4, 2)];
const tracedWant = ['pid 1 fork → 2', 'pid 2 fork → 3', 'pid 2 sigaction → 0', 'pid 1 fork → 4', 'pid 2 wait4 sleeps', 'pid 4 ptrace → 0', 'pid 4 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0'];

/** The wait still sleeps: the child killed next wakes it, it trace-stops on the SIGCHLD, and continued it reaps the child. */
const reapLater = [kill(1, 3, 'SIGKILL'), wait4(4, 2), ptrace(4, 'PT_CONTINUE', 2)];
const reapLaterWant = ['pid 1 kill → 0', 'pid 4 wait4 → 2, stopped(SIGCHLD) 0x117f, utime 0', 'pid 4 ptrace → 0; pid 2 wait4 → 3, signaled(SIGKILL) 0x9, utime 0'];

pinLiterally('an interrupted wait decided by the first handler', [
  {
    name: 'continued with a caught SIGUSR2 without SA_RESTART: EINTR',
    steps: [...traced, ptrace(4, 'PT_CONTINUE', 2, 'SIGUSR2')],
    want: [...tracedWant, 'pid 4 ptrace → 0; pid 2 wait4 → EINTR'],
  },
  {
    name: 'with SA_RESTART the wait restarts and reaps the child later',
    steps: [fork(1), fork(2), catchSig(2, 'SIGUSR2', ['SA_RESTART']), ...traced.slice(3), ptrace(4, 'PT_CONTINUE', 2, 'SIGUSR2'), ...reapLater],
    want: [...tracedWant, 'pid 4 ptrace → 0', ...reapLaterWant],
  },
  {
    name: 'continued with no signal: no handler runs, the wait restarts',
    steps: [...traced, ptrace(4, 'PT_CONTINUE', 2), ...reapLater],
    want: [...tracedWant, 'pid 4 ptrace → 0', ...reapLaterWant],
  },
]);

test('FreeBSD r176365 decides at the SIGSTOP\'s posting: the handler runs and the wait sleeps on', async () => {
  const got = await runSteps(createOracle(), { profile: 'freebsd-r176365' }, [...traced, ptrace(4, 'PT_CONTINUE', 2, 'SIGUSR2')]);
  expect(got.map((o) => describeOutcome(o, 'freebsd-r176365')).slice(-1)).toEqual(['pid 4 ptrace → 0']);
});

testNeedsItsSwitch('host-restart-decided-by-handler', 'restartDecidedByHandler', [
  'step 7 (ptrace by 4): wakes: expected 1 completed sleeper(s), got 0: none',
]);
