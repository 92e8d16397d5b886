import type { CheckContext } from '../../../runner/check';
import { PerProcess } from './lifetimes';
import { procsOf } from './procs';

/**
 * Who traces whom, from the run's ptrace calls: a snapshot shows no tracer, and where PT_ATTACH does
 * not reparent (Linux) the tracer is not the parent either. Set by a PT_ATTACH or PT_TRACE_ME that
 * returned 0, cleared by a PT_DETACH that did, or once the tracer is gone (its exit detaches).
 */
export class Tracers {
  private readonly tracerOf = new PerProcess<number>();

  /** Brings the memory up to date with the step (call before reading it). */
  record(ctx: CheckContext): void {
    this.tracerOf.forgetNew(ctx);
    const { step } = ctx;
    const own = ctx.result.observations[0];
    if (step.call === 'ptrace' && own?.kind === 'return' && own.errno === undefined) {
      if (step.req === 'PT_ATTACH') this.tracerOf.set(step.target, step.pid);
      else if (step.req === 'PT_TRACE_ME') {
        const ppid = procsOf(ctx.before!).get(step.pid)?.ppid;
        if (ppid !== undefined) this.tracerOf.set(step.pid, ppid);
      } else if (step.req === 'PT_DETACH') this.tracerOf.delete(step.target);
    }
    if (this.tracerOf.size === 0) return;
    const after = procsOf(ctx.after!);
    for (const [pid, tracer] of this.tracerOf) {
      const t = after.get(tracer);
      if (!t || t.state === 'ZOMBIE') this.tracerOf.delete(pid);
    }
  }

  /** The process tracing `pid` after the step, as far as the run's calls say. */
  of(pid: number): number | undefined {
    return this.tracerOf.get(pid);
  }
}
