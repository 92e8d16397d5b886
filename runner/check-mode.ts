import type { CheckMode } from './check';

/** The check modes, for option parsing. */
export const CHECK_MODES: readonly CheckMode[] = ['incremental', 'full'];

/**
 * `full` by default: on generated interleavings (about 5 processes a table, one changed a step) it
 * judges faster than `incremental`, whose bookkeeping then costs more than it saves (BENCHMARKS.md,
 * oracle throughput); `incremental` pays off on wide tables (hundreds of processes).
 */
export const DEFAULT_CHECK_MODE: CheckMode = 'full';
