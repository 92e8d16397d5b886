import { fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';

/**
 * A detached tracee whose group stop is still in effect stops again with the group stop's own
 * signal (Linux group_exit_code), whatever the detach's data: a bug of the linux profile found by
 * the host campaign of seed 4 (the model re-stopped it with the detach's 0, status 0x7f).
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 4 run 185 (shrunk): PT_DETACH with 0 from an attach to a stopped process',
    steps: [fork(1), kill(2, 2, 'SIGSTOP'), ptrace(1, 'PT_ATTACH', 2), ptrace(1, 'PT_DETACH', 2), wait4(1, -1, ['WUNTRACED'])],
    want: ['pid 1 fork → 2', 'pid 2 kill → 0', 'pid 1 ptrace → 0', 'pid 1 ptrace → 0', 'pid 1 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0'],
  },
];

pinLiterally('the signal of a reinstated group stop', CASES);
