import { fork, getppid, kill, ptrace, traceMe, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';

/**
 * A tracee asleep in wait4 that gets a default SIGCONT trace-stops on it (tracedNeverIgnores): a
 * bug of the linux profile found by the host campaign of seed 5 (the model dropped the SIGCONT, as
 * for an untraced sleeper, and the tracer's wait slept on).
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 5 run 106 (shrunk, then resumed): kill(-1, SIGCONT) reaches a traced waiter',
    steps: [fork(1), traceMe(2), fork(2), wait4(2, -1), kill(1, -1, 'SIGCONT'), wait4(1, -1), ptrace(1, 'PT_CONTINUE', 2), getppid(3)],
    want: ['pid 1 fork → 2', 'pid 2 ptrace → 0', 'pid 2 fork → 3', 'pid 2 wait4 sleeps', 'pid 1 kill → 0', 'pid 1 wait4 → 2, stopped(SIGCONT) 0x127f, utime 0', 'pid 1 ptrace → 0', 'pid 3 getppid → 2'],
  },
];

pinLiterally('a default SIGCONT to a traced waiter', CASES);
