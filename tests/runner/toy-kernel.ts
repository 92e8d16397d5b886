import type { Config, Implementation, Snapshot, Step, StepResult } from '../../interleaving';
import { StepRejected } from '../../interleaving';

/**
 * A stand-in kernel for runner tests: processes with sequential pids that fork, exit and run.
 * Only the caller's existence is modelled; enough to exercise rejection, pid shifts and shrinking.
 */
export class ToyKernel implements Implementation {
  readonly name = 'toy';
  private live = new Map<number, { ppid: number; utime: number; exited: number | null }>();
  private next = 2;

  reset(_config: Config): void {
    this.live = new Map([[1, { ppid: 0, utime: 0, exited: null }]]);
    this.next = 2;
  }

  apply(step: Step): StepResult {
    const me = this.live.get(step.pid);
    if (!me || me.exited !== null) throw new StepRejected(step.call, `no live process ${step.pid}`);
    const obs = { step: 0, pid: step.pid, call: step.call, kind: 'return' as const };
    switch (step.call) {
      case 'fork':
        this.live.set(this.next, { ppid: step.pid, utime: 0, exited: null });
        return { observations: [{ ...obs, ret: this.next++ }], log: [] };
      case 'exit':
        me.exited = step.code;
        return { observations: [{ ...obs, kind: 'noreturn' }], log: [] };
      case 'run':
        me.utime += step.ticks;
        return { observations: [{ ...obs, ret: 0 }], log: [] };
      default:
        return { observations: [{ ...obs, ret: 0 }], log: [] };
    }
  }

  snapshot(): Snapshot {
    const procs = [...this.live.entries()].map(([pid, p]) => ({
      pid, state: p.exited === null ? 'NORMAL' : 'ZOMBIE', flags: [], ppid: p.ppid, children: [], oppid: 0,
      pgid: 1, sid: 1, sigparent: 'SIGCHLD', xstat: (p.exited ?? 0) << 8, ksiQueuedAt: null,
      sigchld: { handler: 'SIG_DFL', flags: [] }, psFlags: [], pending: [], blocked: [], threads: 1,
      leader: pid, peers: [], ru: { utime: p.utime }, cru: { utime: 0 }, uid: 0, sleeping: null, handled: [],
    })) as Snapshot['procs'];
    return { procs, pgrps: [], sessions: [], nprocs: procs.length, uidCounts: {}, lastpid: this.next - 1, panic: null };
  }
}
