import { exit, fork, kill, ptrace, setpgid, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';

/**
 * A newly orphaned group is hung up when a member's group stop is in effect (SIGNAL_STOP_STOPPED),
 * even while that member is traced (in its attach trap, or resumed by its tracer): a bug of the
 * linux profile, which counted untraced stops only, found by the host campaign of seed 4.
 * Pid 4 (group 1, child of 2) is stopped and attached by init; 2 leaves group 1 and exits.
 */
const start = [fork(1), fork(1), fork(2), kill(1, 4, 'SIGSTOP'), ptrace(1, 'PT_ATTACH', 4)];
const startWant = ['pid 1 fork → 2', 'pid 1 fork → 3', 'pid 2 fork → 4', 'pid 1 kill → 0', 'pid 1 ptrace → 0'];

const CASES: LiteralCase[] = [
  {
    name: 'seed 4 run 222 (shrunk, then resumed): the trapped member keeps the group stop; pid 3 dies of the SIGHUP',
    steps: [...start, setpgid(2, 0, 0), exit(2, 0), wait4(1, 0), wait4(1, 4, ['WNOHANG']), ptrace(1, 'PT_CONTINUE', 4), wait4(1, 4, ['WNOHANG'])],
    want: [...startWant, 'pid 2 setpgid → 0', 'pid 2 exit does not return', 'pid 1 wait4 → 3, signaled(SIGHUP) 0x1, utime 0', 'pid 1 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 ptrace → 0', 'pid 1 wait4 → 4, stopped(SIGHUP) 0x17f, utime 0'],
  },
  {
    name: 'the same with the member resumed by its tracer first',
    steps: [...start, wait4(1, 4), ptrace(1, 'PT_CONTINUE', 4), setpgid(2, 0, 0), exit(2, 0), wait4(1, 0), wait4(1, 4, ['WNOHANG'])],
    want: [...startWant, 'pid 1 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 ptrace → 0', 'pid 2 setpgid → 0', 'pid 2 exit does not return', 'pid 1 wait4 → 3, signaled(SIGHUP) 0x1, utime 0', 'pid 1 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0'],
  },
];

pinLiterally('an orphaned group with a traced, group-stopped member', CASES);
