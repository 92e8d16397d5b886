import type { ProfileName, SignalName } from './symbols';
import { SIGNAL_NAMES } from './symbols';

/**
 * Platform numbers for the symbolic names. FreeBSD: sys/sys/signal.h (semantics.md §1.2);
 * Linux x86-64: linux.md §0.1 (SIGEMT, SIGINFO and SIGTHR do not exist there: -1).
 */
const FREEBSD_SIGNALS: readonly number[] = SIGNAL_NAMES.map((_, i) => i + 1);

const LINUX_SIGNALS: Record<SignalName, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGEMT: -1, SIGFPE: 8,
  SIGKILL: 9, SIGBUS: 7, SIGSEGV: 11, SIGSYS: 31, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGURG: 23,
  SIGSTOP: 19, SIGTSTP: 20, SIGCONT: 18, SIGCHLD: 17, SIGTTIN: 21, SIGTTOU: 22, SIGIO: 29,
  SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGINFO: -1, SIGUSR1: 10,
  SIGUSR2: 12, SIGTHR: -1,
};

export interface Numbering {
  /** The number of a signal name, -1 where the platform has no such signal. */
  signo(name: SignalName): number;
  /** The name of a signal number, or undefined for numbers with no name. */
  signame(n: number): SignalName | undefined;
  /** Highest valid signal number (FreeBSD _SIG_MAXSIG 128; Linux 64). */
  maxsig: number;
  /** The status word wait reports for a continued child (0x13 on FreeBSD, 0xffff on Linux). */
  continuedStatus: number;
}

function numbering(nums: readonly number[], maxsig: number, continuedStatus: number): Numbering {
  const byNumber = new Map<number, SignalName>();
  SIGNAL_NAMES.forEach((name, i) => nums[i] > 0 && byNumber.set(nums[i], name));
  const index = new Map<SignalName, number>(SIGNAL_NAMES.map((n, i) => [n, i]));
  return {
    signo: (name) => nums[index.get(name)!],
    signame: (n) => byNumber.get(n),
    maxsig,
    continuedStatus,
  };
}

export const NUMBERING: Record<ProfileName, Numbering> = {
  'freebsd-r176365': numbering(FREEBSD_SIGNALS, 128, 0x13),
  linux: numbering(SIGNAL_NAMES.map((n) => LINUX_SIGNALS[n]), 64, 0xffff),
};
