import type { CheckContext } from '../../runner/check';
import { createdPids, procsByPid } from '../invariants/lib/procs';
import type { StepRecorder } from '../invariants/lib/define';

/**
 * Who is whose real parent, across pid reuse: every process gets a birth number when it appears,
 * and remembers the birth number of the parent that forked it.
 */
export class Lineage implements StepRecorder {
  private next = 1;
  private readonly birth = new Map<number, number>([[1, 0]]);
  private readonly realParent = new Map<number, number>();

  /** Records the processes a step created; call once per step, before asking. */
  record(ctx: CheckContext): void {
    if (!ctx.before || !ctx.after) return;
    const now = procsByPid(ctx.after);
    for (const pid of createdPids(ctx.before, ctx.after)) {
      this.birth.set(pid, this.next++);
      const parent = now.get(pid)!.ppid;
      this.realParent.set(pid, this.birth.get(parent) ?? -1);
    }
  }

  /** Whether `pid` now names the very process that forked `child`. */
  isRealParent(pid: number, child: number): boolean {
    const b = this.birth.get(pid);
    return b !== undefined && b === this.realParent.get(child);
  }
}
