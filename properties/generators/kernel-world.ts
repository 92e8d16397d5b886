import type { KernelState } from '../../oracle/kernel/kernel-state';
import type { Proc } from '../../oracle/kernel/proc';
import type { Oracle } from '../../oracle/oracle';
import { KernelWorldState } from './kernel-world-state';
import { KernelProc } from './kernel-views';
import { truncate } from './truncate';
import { childrenIn, depthBelowInit, traced, unusedPidIn, type World, type WorldProc } from './world';

/**
 * The World of the oracle model's kernel, kept for the whole run and refreshed after every step:
 * nothing is copied, views outlive the step, and what the makers ask about a process (children,
 * tracees, depth) is kept on its view until the next step.
 */
export class KernelWorld implements World {
  readonly state: KernelWorldState;
  private readonly awakeList: KernelProc[] = [];
  private readonly table: { get(pid: number): WorldProc | undefined };
  private readonly parentView = (q: WorldProc): WorldProc | undefined => this.state.view(q.ppid);
  /** The parent a view's `ppid` names, read off the kernel without making views (depth walks it every step). */
  private readonly parentProc = (q: Proc): Proc | undefined => this.kernel.procs.get(q.pptr?.pid ?? 0);

  constructor(readonly kernel: KernelState) {
    this.state = new KernelWorldState(kernel);
    this.table = { get: this.state.view };
  }

  /** Reads the kernel after a step. */
  refresh(): this {
    const procs = this.state.refresh().procs;
    const awake = this.awakeList;
    let n = 0;
    for (let i = 0; i < procs.length; i++) if (procs[i].canAct) awake[n++] = procs[i];
    truncate(awake, n);
    return this;
  }

  get awake(): readonly WorldProc[] {
    return this.awakeList;
  }

  get(pid: number): WorldProc | undefined {
    return this.state.view(pid);
  }

  children(p: WorldProc): readonly WorldProc[] {
    if (!(p instanceof KernelProc)) return childrenIn(p, this.table);
    const v = p.current();
    return (v.kids ??= this.state.childViews(v));
  }

  depth(p: WorldProc): number {
    if (!(p instanceof KernelProc)) return depthBelowInit(p, this.parentView);
    const v = p.current();
    if (v.depth < 0) v.depth = depthBelowInit(v.p, this.parentProc);
    return v.depth;
  }

  tracees(p: WorldProc): readonly WorldProc[] {
    if (!(p instanceof KernelProc)) return traced(this.children(p));
    const v = p.current();
    return (v.tracees ??= traced(this.children(v)));
  }

  unusedPid(): number {
    return unusedPidIn(this.state);
  }
}

/** The oracle model's World now, valid until its next step; one KernelWorld per kernel (a reset starts a new one). */
export function kernelWorldReader(oracle: Oracle): () => World {
  let world: KernelWorld | null = null;
  return () => {
    const k = oracle.state;
    if (world === null || world.kernel !== k) world = new KernelWorld(k);
    return world.refresh();
  };
}
