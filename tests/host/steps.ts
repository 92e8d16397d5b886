import type { Sig, Step, WaitOption } from '../../interleaving';

/** Step builders, so the scripted tests read like the scenarios they are. */
export const fork = (pid: number): Step => ({ pid, call: 'fork' });
export const vfork = (pid: number): Step => ({ pid, call: 'vfork' });
export const exit = (pid: number, code: number): Step => ({ pid, call: 'exit', code });
export const wait4 = (pid: number, wpid: number, options: WaitOption[] = [], extraBits?: number): Step => ({
  pid, call: 'wait4', wpid, options, status: 'valid', rusage: 'valid', ...(extraBits === undefined ? {} : { extraBits }),
});
export const kill = (pid: number, target: number, sig: Sig): Step => ({ pid, call: 'kill', target, sig });
export const getppid = (pid: number): Step => ({ pid, call: 'getppid' });
export const attach = (pid: number, target: number): Step => ({ pid, call: 'ptrace', req: 'PT_ATTACH', target, data: 0 });
export const cont = (pid: number, target: number): Step => ({ pid, call: 'ptrace', req: 'PT_CONTINUE', target, data: 0 });
export const run = (pid: number, ticks: number): Step => ({ pid, call: 'run', ticks });
