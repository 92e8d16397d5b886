import { defaultSig, exit, fork, ignoreSig, kill, setpgid, traceMe, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';

/**
 * Two bugs of the linux profile found by the host campaigns of seeds 1 and 5: a traced zombie
 * whose tracer is its parent and ignores children is released when the tracer exits (Linux
 * __ptrace_detach), not handed to init; and an exiting member's group stop no longer counts for
 * the orphaned-group check (its signal flags are SIGNAL_GROUP_EXIT).
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 1 run 501 (its core): SIG_IGN tracer-parent exits; its traced zombie goes with it',
    steps: [fork(1), fork(2), traceMe(3), ignoreSig(2, 'SIGCHLD'), exit(3, 7), exit(2, 0), wait4(1, -1), wait4(1, -1, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 2 fork → 3', 'pid 3 ptrace → 0', 'pid 2 sigaction → 0', 'pid 3 exit does not return', 'pid 2 exit does not return', 'pid 1 wait4 → 2, exited(0) 0x0, utime 0', 'pid 1 wait4 → ECHILD'],
  },
  {
    name: 'the same with SA_NOCLDWAIT',
    steps: [fork(1), fork(2), traceMe(3), defaultSig(2, 'SIGCHLD', ['SA_NOCLDWAIT']), exit(3, 7), exit(2, 0), wait4(1, -1), wait4(1, -1, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 2 fork → 3', 'pid 3 ptrace → 0', 'pid 2 sigaction → 0', 'pid 3 exit does not return', 'pid 2 exit does not return', 'pid 1 wait4 → 2, exited(0) 0x0, utime 0', 'pid 1 wait4 → ECHILD'],
  },
  {
    name: 'seed 5 run 296 (shrunk): a stopped member killed by SIGKILL does not make its orphaned group hang up',
    steps: [fork(1), fork(2), kill(1, 0, 'SIGSTOP'), setpgid(1, 2, 2), fork(1), kill(1, 3, 'SIGKILL'), wait4(1, -1, ['WNOHANG']), wait4(1, 4, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 2 fork → 3', 'pid 1 kill → 0', 'pid 1 setpgid → 0', 'pid 1 fork → 4', 'pid 1 kill → 0', 'pid 1 wait4 → 0', 'pid 1 wait4 → 0'],
  },
];

pinLiterally('traced zombies and exiting members', CASES);
