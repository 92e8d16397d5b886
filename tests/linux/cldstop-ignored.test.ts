import { catchSig, fork, ignoreSig, kill, ptrace, sigpending, traceMe, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';

/**
 * No SIGCHLD for a stop to a receiver that ignores it, found by the host campaign of seed 2 (a bug
 * of the linux profile, which sent it because tracees keep ignored signals, tracedNeverIgnores):
 * pid 2, traced by init and ignoring SIGCHLD, attaches to its sibling 3; the attach stop sends 2
 * nothing, so 2 does not trace-stop and init's wait finds no stop. FreeBSD agrees (the posting
 * discards it), so this is no divergence row.
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 2 run 546 (shrunk, WNOHANG): the traced tracer does not stop',
    steps: [fork(1), fork(1), traceMe(2), ignoreSig(2, 'SIGCHLD'), ptrace(2, 'PT_ATTACH', 3), wait4(1, -1, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 1 fork → 3', 'pid 2 ptrace → 0', 'pid 2 sigaction → 0', 'pid 2 ptrace → 0', 'pid 1 wait4 → 0'],
  },
  {
    name: 'a caught SIGCHLD is sent: the traced tracer stops on it',
    steps: [fork(1), fork(1), traceMe(2), catchSig(2, 'SIGCHLD'), ptrace(2, 'PT_ATTACH', 3), wait4(1, -1, ['WNOHANG'])],
    want: ['pid 1 fork → 2', 'pid 1 fork → 3', 'pid 2 ptrace → 0', 'pid 2 sigaction → 0', 'pid 2 ptrace → 0', 'pid 1 wait4 → 2, stopped(SIGCHLD) 0x117f, utime 0'],
  },
  {
    name: 'a traced parent ignoring SIGCHLD is not stopped by its child\'s stop either',
    steps: [fork(1), traceMe(2), ignoreSig(2, 'SIGCHLD'), fork(2), kill(3, 3, 'SIGSTOP'), wait4(1, 2, ['WNOHANG']), sigpending(2)],
    want: ['pid 1 fork → 2', 'pid 2 ptrace → 0', 'pid 2 sigaction → 0', 'pid 2 fork → 3', 'pid 3 kill → 0', 'pid 1 wait4 → 0', 'pid 2 sigpending → 0, pending {}'],
  },
];

pinLiterally('stop notifications to a receiver ignoring SIGCHLD', CASES);
