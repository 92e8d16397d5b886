import { NSIG_NAMED, sigId } from './signal-ids';
import type { SignalName } from '../../interleaving';

/** Default-action properties (`sigproptbl`, semantics.md §1.2). */
export const SA_KILL = 0x01;
export const SA_CORE = 0x02;
export const SA_STOP = 0x04;
export const SA_TTYSTOP = 0x08;
export const SA_IGNORE = 0x10;
export const SA_CONT = 0x20;

const SPECIAL: Partial<Record<SignalName, number>> = {
  SIGSTOP: SA_STOP,
  SIGTSTP: SA_STOP | SA_TTYSTOP,
  SIGTTIN: SA_STOP | SA_TTYSTOP,
  SIGTTOU: SA_STOP | SA_TTYSTOP,
  SIGURG: SA_IGNORE,
  SIGCHLD: SA_IGNORE,
  SIGIO: SA_IGNORE,
  SIGWINCH: SA_IGNORE,
  SIGINFO: SA_IGNORE,
  SIGCONT: SA_IGNORE | SA_CONT,
  SIGQUIT: SA_KILL | SA_CORE,
  SIGILL: SA_KILL | SA_CORE,
  SIGTRAP: SA_KILL | SA_CORE,
  SIGABRT: SA_KILL | SA_CORE,
  SIGEMT: SA_KILL | SA_CORE,
  SIGFPE: SA_KILL | SA_CORE,
  SIGBUS: SA_KILL | SA_CORE,
  SIGSEGV: SA_KILL | SA_CORE,
  SIGSYS: SA_KILL | SA_CORE,
};

/** Properties by id; every other named signal is SA_KILL. */
export const SIGPROP: readonly number[] = (() => {
  const t = new Array<number>(NSIG_NAMED + 1).fill(SA_KILL);
  t[0] = 0;
  for (const [name, prop] of Object.entries(SPECIAL)) t[sigId(name as SignalName)] = prop!;
  return t;
})();

/** Mask of the stop-class ids (SIG_STOPSIGMASK). */
export const STOP_MASK: number = SIGPROP.reduce((m, prop, id) => (id > 0 && prop & SA_STOP ? m | (1 << (id - 1)) : m), 0);
