import { block, catchSig, exit, fork, kill, sigpending, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * The namespace init discards what it does not catch (linux.md J4, initDiscardsDefaultSignals),
 * found by the host campaign of seed 2: a group SIGSTOP had stopped the model's init, asleep in
 * wait4, so a child's stop it was waiting for went unreported.
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 2 run 141 (its core): SIGSTOP to init asleep in wait4, then the child exits',
    steps: [fork(1), wait4(1, -1), kill(2, 1, 'SIGSTOP'), exit(2, 4)],
    want: ['pid 1 fork → 2', 'pid 1 wait4 sleeps', 'pid 2 kill → 0', 'pid 2 exit does not return; pid 1 wait4 → 2, exited(4) 0x400, utime 0'],
  },
  {
    name: 'a SIGTERM init does not block leaves nothing pending',
    steps: [fork(1), kill(2, 1, 'SIGTERM'), sigpending(1)],
    want: ['pid 1 fork → 2', 'pid 2 kill → 0', 'pid 1 sigpending → 0, pending {}'],
  },
  {
    name: 'a SIGTERM init blocks stays pending',
    steps: [block(1, 'SIGTERM'), fork(1), kill(2, 1, 'SIGTERM'), sigpending(1)],
    want: ['pid 1 sigprocmask → 0', 'pid 1 fork → 2', 'pid 2 kill → 0', 'pid 1 sigpending → 0, pending {SIGTERM}'],
  },
  {
    name: 'SIGKILL and SIGSTOP from inside the namespace do nothing',
    steps: [fork(1), kill(2, 1, 'SIGKILL'), kill(2, 1, 'SIGSTOP'), sigpending(1), wait4(1, 2, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 2 kill → 0', 'pid 2 kill → 0', 'pid 1 sigpending → 0, pending {}', 'pid 1 wait4 → 0'],
  },
  {
    name: 'a caught signal still reaches init asleep in wait4 (EINTR, no SA_RESTART)',
    steps: [catchSig(1, 'SIGUSR1'), fork(1), wait4(1, -1), kill(2, 1, 'SIGUSR1')],
    want: ['pid 1 sigaction → 0', 'pid 1 fork → 2', 'pid 1 wait4 sleeps', 'pid 2 kill → 0; pid 1 wait4 → EINTR'],
  },
];

pinLiterally('signals to the namespace init', CASES);

testNeedsItsSwitch('j04-init-ignores-sigstop', 'initDiscardsDefaultSignals', [
  'step 3 (exit by 2): wakes: expected 1 completed sleeper(s), got 0: none',
]);
