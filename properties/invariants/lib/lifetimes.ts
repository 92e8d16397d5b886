import type { CheckContext } from '../../../runner/check';
import { createdPids } from './procs';

/**
 * Per-process memory that must be forgotten when a pid is handed out again (pid reuse, §3.2):
 * `forgetNew` drops the entries of the processes a step created.
 */
export class PerProcess<T> extends Map<number, T> {
  forgetNew(ctx: CheckContext): void {
    if (this.size === 0 || !ctx.before || !ctx.after || ctx.before === ctx.after) return;
    const created = createdPids(ctx.before, ctx.after);
    for (let i = 0; i < created.length; i++) this.delete(created[i]);
  }
}
