import { fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import { pinLiterally } from './literal-cases';

/**
 * Linux: PTRACE_KILL is a plain SIGKILL in every state (killRequestAnyState; kernel/ptrace.c). Found
 * by a long linux-profile oracle run (seed 1 run 27745) replayed on the host: a tracee attached while
 * group-stopped sits in the attach's trap stop, where a resume's signal is dropped, and the model
 * used to resume it with SIGKILL that way, leaving it stopped.
 */
const attachedWhileStopped = [fork(1), kill(1, 2, 'SIGSTOP'), wait4(1, -1, ['WUNTRACED']), ptrace(1, 'PT_ATTACH', 2)];
const attachedWant = ['pid 1 fork → 2', 'pid 1 kill → 0', 'pid 1 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 ptrace → 0'];

pinLiterally('PT_KILL', [
  {
    name: 'kills a tracee held in the attach\'s trap stop',
    steps: [...attachedWhileStopped, ptrace(1, 'PT_KILL', 2), wait4(1, -1, ['WNOHANG', 'WUNTRACED'])],
    want: [...attachedWant, 'pid 1 ptrace → 0', 'pid 1 wait4 → 2, signaled(SIGKILL) 0x9, utime 0'],
  },
  {
    name: 'kills a tracee in its delivery stop (the attach\'s SIGSTOP)',
    steps: [...attachedWhileStopped, ptrace(1, 'PT_CONTINUE', 2), wait4(1, 2), ptrace(1, 'PT_KILL', 2), wait4(1, 2)],
    want: [...attachedWant, 'pid 1 ptrace → 0', 'pid 1 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 ptrace → 0', 'pid 1 wait4 → 2, signaled(SIGKILL) 0x9, utime 0'],
  },
]);
