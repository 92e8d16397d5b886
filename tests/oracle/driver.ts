import {
  withDefaults, type Config, type Observation, type ProcView, type Sig, type Snapshot, type Step, type StepResult,
  type UserPtr, type WaitOption,
} from '../../interleaving';
import { createOracle, type Oracle, type OracleOptions } from '../../oracle';

/** A small driver for oracle tests: apply steps, read results and the process table. */
export class Driver {
  readonly results: StepResult[] = [];
  constructor(readonly oracle: Oracle) {}

  /** Apply a step and return its whole result. */
  step(s: Step): StepResult {
    const r = this.oracle.apply(s);
    this.results.push(r);
    return r;
  }

  /** Apply a step and return the caller's own observation. */
  own(s: Step): Observation {
    return this.step(s).observations[0];
  }

  /** fork from `pid`, returning the child's pid. */
  fork(pid: number): number {
    const o = this.own({ pid, call: 'fork' });
    if (o.ret === undefined || o.errno) throw new Error(`fork by ${pid} failed: ${JSON.stringify(o)}`);
    return o.ret;
  }

  snap(): Snapshot {
    return this.oracle.snapshot();
  }

  proc(pid: number): ProcView | undefined {
    return this.snap().procs.find((p) => p.pid === pid);
  }

  /** Index the next step will get. */
  get next(): number {
    return this.results.length;
  }
}

export function boot(config: Partial<Config> = {}, options: OracleOptions = {}): Driver {
  const o = createOracle(options);
  o.reset(withDefaults(config));
  return new Driver(o);
}

export const exit = (pid: number, code: number): Step => ({ pid, call: 'exit', code });
export const kill = (pid: number, target: number, sig: Sig): Step => ({ pid, call: 'kill', target, sig });
export const run = (pid: number, ticks: number): Step => ({ pid, call: 'run', ticks });
export const wait4 = (
  pid: number, wpid: number, options: WaitOption[] = [], status: UserPtr = 'valid', rusage: UserPtr = 'null', extraBits?: number,
): Step => ({ pid, call: 'wait4', wpid, options, status, rusage, ...(extraBits !== undefined ? { extraBits } : {}) });
export const ptrace = (pid: number, req: 'PT_TRACE_ME' | 'PT_ATTACH' | 'PT_DETACH' | 'PT_CONTINUE' | 'PT_KILL', target: number, data: Sig = 0): Step =>
  ({ pid, call: 'ptrace', req, target, data });
export const sigaction = (pid: number, sig: Sig, handler: 'SIG_DFL' | 'SIG_IGN' | 'catch', flags: import('../../interleaving').SaFlag[] = []): Step =>
  ({ pid, call: 'sigaction', sig, handler, flags });
