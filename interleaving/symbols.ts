/**
 * Symbolic names shared by every implementation. Steps and observations carry names, never
 * platform numbers, so FreeBSD and Linux targets can be compared (semantics.md §1, linux.md §0.1).
 * Each profile owns the mapping from names to its own numbers.
 */

export const SIGNAL_NAMES = [
  'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGEMT', 'SIGFPE', 'SIGKILL',
  'SIGBUS', 'SIGSEGV', 'SIGSYS', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGURG', 'SIGSTOP', 'SIGTSTP',
  'SIGCONT', 'SIGCHLD', 'SIGTTIN', 'SIGTTOU', 'SIGIO', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF',
  'SIGWINCH', 'SIGINFO', 'SIGUSR1', 'SIGUSR2', 'SIGTHR',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** A signal argument: a name, or a raw number for the null signal (0) and out-of-range values. */
export type Sig = SignalName | number;

export const ERRNO_NAMES = [
  'EPERM', 'ESRCH', 'EINTR', 'EFAULT', 'EBUSY', 'EINVAL', 'ECHILD', 'EAGAIN', 'ENOMEM', 'EACCES',
  'EIO', 'ENXIO', 'ENOTTY', 'ERESTART', 'ENOSYS',
] as const;
export type ErrnoName = (typeof ERRNO_NAMES)[number];

/** wait4 option names. WNOWAIT and WEXITED do not exist at r176365 (EINVAL there, §3.4 step 1). */
export const WAIT_OPTION_NAMES = ['WNOHANG', 'WUNTRACED', 'WCONTINUED', 'WLINUXCLONE', 'WNOWAIT', 'WEXITED'] as const;
export type WaitOption = (typeof WAIT_OPTION_NAMES)[number];

export const RFORK_FLAG_NAMES = [
  'RFNAMEG', 'RFENVG', 'RFFDG', 'RFNOTEG', 'RFPROC', 'RFMEM', 'RFNOWAIT', 'RFCNAMEG', 'RFCENVG',
  'RFCFDG', 'RFTHREAD', 'RFSIGSHARE', 'RFLINUXTHPN', 'RFSTOPPED', 'RFHIGHPID', 'RFPPWAIT',
] as const;
export type RforkFlag = (typeof RFORK_FLAG_NAMES)[number];

export const SA_FLAG_NAMES = ['SA_RESTART', 'SA_NOCLDSTOP', 'SA_NOCLDWAIT', 'SA_SIGINFO', 'SA_RESETHAND', 'SA_NODEFER'] as const;
export type SaFlag = (typeof SA_FLAG_NAMES)[number];

export const PTRACE_REQUEST_NAMES = ['PT_TRACE_ME', 'PT_ATTACH', 'PT_DETACH', 'PT_CONTINUE', 'PT_KILL'] as const;
export type PtraceRequest = (typeof PTRACE_REQUEST_NAMES)[number];

export type Handler = 'SIG_DFL' | 'SIG_IGN' | 'catch';

/** A user pointer argument: valid memory, NULL, or an address that faults on copyout/copyin. */
export type UserPtr = 'valid' | 'null' | 'fault';

export const PROFILE_NAMES = ['freebsd-r176365', 'linux'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
