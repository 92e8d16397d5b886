import type { CheckContext, CheckMode, Invariant } from './check';

/** The check modes, for option parsing. */
export const CHECK_MODES: readonly CheckMode[] = ['incremental', 'full'];

/**
 * `full` by default: on generated interleavings (about 5 processes a table, one changed a step) it
 * judges faster than `incremental`, whose bookkeeping then costs more than it saves (BENCHMARKS.md,
 * oracle throughput); `incremental` pays off on wide tables (hundreds of processes).
 */
export const DEFAULT_CHECK_MODE: CheckMode = 'full';

/**
 * The invariants as they judge under `mode`, whichever mode the runner that drives them uses: for
 * `full`, each sees every context as a full-mode one and gives up its `involves` shortcut (for
 * drivers that take no check mode of their own, such as a campaign). `incremental` changes nothing.
 */
export function withCheckMode(invariants: readonly Invariant[], mode: CheckMode): readonly Invariant[] {
  if (mode === 'incremental') return invariants;
  const full = (ctx: CheckContext): CheckContext => (ctx.mode === 'full' ? ctx : { ...ctx, mode: 'full' });
  return invariants.map((inv) => ({
    ...inv,
    involves: undefined,
    start(config) {
      const run = inv.start(config);
      return { check: (ctx) => run.check(full(ctx)), finish: run.finish && ((last) => run.finish!(last && full(last))) };
    },
  }));
}
