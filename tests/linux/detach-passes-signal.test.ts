import { catchSig, fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import { pinLiterally } from './literal-cases';

/**
 * Linux: a signal PT_DETACH passes on is acted on before the group stop (still in effect,
 * groupStopOutlivesTrace) resumes: ptrace_signal returns it within get_signal, ahead of the
 * JOBCTL_STOP_PENDING check __ptrace_unlink set. A fatal one kills at the detach; a caught one runs
 * its handler, then the process stops again. Found from a Stryker survivor's reasoning, confirmed on
 * the host (the model used to stop again first and act on the signal only when continued).
 */
const WNOHANG_WUNTRACED = ['WUNTRACED', 'WNOHANG'] as const;

/** 2 traces 4 (the child of 3), group-stopped; 4's SIGSIG delivery stop is reported to 2. */
function tracedInDeliveryStop(sig: 'SIGTERM' | 'SIGUSR1', caught: boolean) {
  return {
    steps: [fork(1), fork(1), fork(3), ...(caught ? [catchSig(4, sig)] : []), kill(1, 4, 'SIGSTOP'), ptrace(2, 'PT_ATTACH', 4), kill(1, 4, sig), ptrace(2, 'PT_CONTINUE', 4), wait4(2, 4), ptrace(2, 'PT_CONTINUE', 4), wait4(2, 4)],
    want: ['pid 1 fork → 2', 'pid 1 fork → 3', 'pid 3 fork → 4', ...(caught ? ['pid 4 sigaction → 0'] : []), 'pid 1 kill → 0', 'pid 2 ptrace → 0', 'pid 1 kill → 0', 'pid 2 ptrace → 0',
      'pid 2 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0', 'pid 2 ptrace → 0', `pid 2 wait4 → 4, stopped(${sig}) ${sig === 'SIGTERM' ? '0xf7f' : '0xa7f'}, utime 0`],
  };
}

const term = tracedInDeliveryStop('SIGTERM', false);
const usr1 = tracedInDeliveryStop('SIGUSR1', true);

pinLiterally('a signal a detach passes on', [
  {
    name: 'a fatal SIGTERM kills at the detach: the parent reaps it without waiting for a SIGCONT',
    steps: [...term.steps, ptrace(2, 'PT_DETACH', 4, 'SIGTERM'), wait4(3, 4, [...WNOHANG_WUNTRACED])],
    want: [...term.want, 'pid 2 ptrace → 0', 'pid 3 wait4 → 4, signaled(SIGTERM) 0xf, utime 0'],
  },
  {
    name: 'a caught SIGUSR1 runs its handler, then the group stop holds it again, reported to the parent once',
    steps: [...usr1.steps, ptrace(2, 'PT_DETACH', 4, 'SIGUSR1'), wait4(3, 4, [...WNOHANG_WUNTRACED]), kill(1, 4, 'SIGCONT'), wait4(3, 4, ['WCONTINUED', 'WNOHANG'])],
    want: [...usr1.want, 'pid 2 ptrace → 0', 'pid 3 wait4 → 4, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 kill → 0', 'pid 3 wait4 → 4, continued 0xffff, utime 0'],
  },
]);
