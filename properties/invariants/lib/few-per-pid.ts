import type { CheckContext } from '../../../runner/check';
import { createdPids } from './procs';

/**
 * Per-process memory for the few processes a check follows at once (those between exit and reap),
 * in two plain arrays: walking a Map of two entries costs ~60 ns on Node 20, these a few. Entries
 * keep the order they were added in, as a Map's do; `forgetNew` drops the processes a step
 * created (pid reuse, §3.2), as PerProcess does.
 */
export class FewPerPid<T> {
  /** The pids remembered, in the order they were added; `values[i]` is the memory of `pids[i]`. */
  readonly pids: number[] = [];
  readonly values: T[] = [];

  get(pid: number): T | undefined {
    const at = this.pids.indexOf(pid);
    return at < 0 ? undefined : this.values[at];
  }

  has(pid: number): boolean {
    return this.pids.includes(pid);
  }

  /** Remembers a pid not yet remembered. */
  add(pid: number, value: T): void {
    this.pids.push(pid);
    this.values.push(value);
  }

  /** Forgets the entry at position `at`. */
  dropAt(at: number): void {
    this.pids.splice(at, 1);
    this.values.splice(at, 1);
  }

  forgetNew(ctx: CheckContext): void {
    if (this.pids.length === 0 || !ctx.before || !ctx.after) return;
    const created = createdPids(ctx.before, ctx.after);
    for (let i = 0; i < created.length; i++) {
      const at = this.pids.indexOf(created[i]);
      if (at >= 0) this.dropAt(at);
    }
  }
}
