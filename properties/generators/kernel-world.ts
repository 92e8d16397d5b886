import type { KernelState } from '../../oracle/kernel/kernel-state';
import type { Oracle } from '../../oracle/oracle';
import { KernelWorldState } from './kernel-world-state';
import { KernelProc } from './kernel-views';
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
    if (awake.length > n) awake.length = n;
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
    return (p.kids ??= this.state.childViews(p));
  }

  depth(p: WorldProc): number {
    if (!(p instanceof KernelProc)) return depthBelowInit(p, this.table);
    if (p.depth < 0) p.depth = depthBelowInit(p, this.table);
    return p.depth;
  }

  tracees(p: WorldProc): readonly WorldProc[] {
    if (!(p instanceof KernelProc)) return traced(this.children(p));
    return (p.tracees ??= traced(this.children(p)));
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
