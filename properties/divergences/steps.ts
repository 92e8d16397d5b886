import type { PtraceRequest, SaFlag, Sig, SignalName, Step, WaitOption } from '../../interleaving';

/** Step builders, so each divergence's interleaving reads like its scenario. */
export const fork = (pid: number): Step => ({ pid, call: 'fork' });
export const vfork = (pid: number): Step => ({ pid, call: 'vfork' });
export const thrNew = (pid: number): Step => ({ pid, call: 'thr_new' });
export const exit = (pid: number, code: number): Step => ({ pid, call: 'exit', code });
export const execve = (pid: number): Step => ({ pid, call: 'execve' });
export const setuid = (pid: number, uid: number): Step => ({ pid, call: 'setuid', uid });
export const run = (pid: number, ticks: number): Step => ({ pid, call: 'run', ticks });
export const wait4 = (pid: number, wpid: number, options: WaitOption[] = [], extraBits?: number): Step => ({
  pid, call: 'wait4', wpid, options, status: 'valid', rusage: 'valid', ...(extraBits === undefined ? {} : { extraBits }),
});
export const kill = (pid: number, target: number, sig: Sig): Step => ({ pid, call: 'kill', target, sig });
export const catchSig = (pid: number, sig: Sig, flags: SaFlag[] = []): Step => ({ pid, call: 'sigaction', sig, handler: 'catch', flags });
export const ignoreSig = (pid: number, sig: Sig, flags: SaFlag[] = []): Step => ({ pid, call: 'sigaction', sig, handler: 'SIG_IGN', flags });
export const defaultSig = (pid: number, sig: Sig, flags: SaFlag[] = []): Step => ({ pid, call: 'sigaction', sig, handler: 'SIG_DFL', flags });
export const block = (pid: number, ...sigs: SignalName[]): Step => ({ pid, call: 'sigprocmask', how: 'SIG_BLOCK', sigs });
export const sigpending = (pid: number): Step => ({ pid, call: 'sigpending' });
export const ptrace = (pid: number, req: PtraceRequest, target: number, data: Sig = 0): Step => ({ pid, call: 'ptrace', req, target, data });
export const traceMe = (pid: number): Step => ptrace(pid, 'PT_TRACE_ME', 0);
export const setpgid = (pid: number, target: number, pgid: number): Step => ({ pid, call: 'setpgid', target, pgid });
export const getppid = (pid: number): Step => ({ pid, call: 'getppid' });
export const getpgid = (pid: number, target: number): Step => ({ pid, call: 'getpgid', target });
export const abort2 = (pid: number): Step => ({ pid, call: 'abort2', why: 'bye', nargs: 0, args: [] });
