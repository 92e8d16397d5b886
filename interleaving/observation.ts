import type { CallName } from './step';
import type { ErrnoName, SignalName } from './symbols';

/** Usage in ticks (semantics.md §9.6): user time only, the one figure the model makes deterministic. */
export interface Rusage {
  utime: number;
}

/** A value the seed leaves unspecified (stack garbage copied out, E5): never compared. */
export const UNSPECIFIED = 'unspecified' as const;
export type Unspecified = typeof UNSPECIFIED;

/**
 * What one call did, as the caller sees it. Plain data.
 * - `return`: the call returned (`errno` absent means success).
 * - `sleep`: the call blocked; it completes in a later step's observations.
 * - `noreturn`: the caller ended inside the call (exit, abort2) or was killed while asleep in it.
 */
export interface Observation {
  /** Index of the step that issued this call. */
  step: number;
  /** The caller. */
  pid: number;
  call: CallName;
  kind: 'return' | 'sleep' | 'noreturn';
  /** td_retval[0]: a pid, 0, an id. */
  ret?: number;
  /** owait's td_retval[1] (the status, kern_exit.c:627-628). */
  ret1?: number;
  errno?: ErrnoName;
  /** The status word wait4 copied out (raw, profile numbering), or unspecified (E5). */
  status?: number | Unspecified;
  /** The rusage wait4 copied out, or getrusage's result. */
  rusage?: Rusage | Unspecified;
  /** sigpending's set. */
  sigs?: SignalName[];
}

/** A machine-dependent hook call (semantics.md §3.14), in the order the kernel made them. */
export type MdHook =
  | 'cpu_exit'
  | 'cpu_thread_exit'
  | 'vmspace_exit'
  | 'sched_exit'
  | 'thread_exit'
  | 'thread_wait'
  | 'vm_waitproc';

export interface MdCall {
  hook: MdHook;
  pid: number;
}

/**
 * Kernel-internal events an implementation may report (the oracle does); invariants that need them
 * are skipped, visibly, for implementations that do not.
 */
export type TraceEvent =
  | { kind: 'exit'; pid: number; xstat: number }
  | { kind: 'reap'; pid: number; by: number; ticks: number }
  | { kind: 'report'; pid: number; to: number; what: 'exit' | 'stop' | 'continue' }
  | { kind: 'giveback'; pid: number; from: number; to: number }
  | { kind: 'reparent'; pid: number; from: number; to: number }
  | { kind: 'stop'; pid: number; sig: SignalName; traced: boolean }
  | { kind: 'continue'; pid: number }
  | { kind: 'handler'; pid: number; sig: SignalName; code?: number; from?: number; status?: number }
  | { kind: 'wakeup'; pid: number; chan: 'wait' | 'ppwait' | 'exit1' };

/** Everything one step produced. */
export interface StepResult {
  /** [0] is the caller's own call; then the calls of sleepers this step completed, in order. */
  observations: Observation[];
  /** Kernel log lines written in this step (abort2), without the trailing newline. */
  log: string[];
  /** Set when the kernel panicked (init exited, kern_exit.c:124-128); no further steps run. */
  panic?: string;
  /** Machine-dependent hook calls made in this step. */
  md?: MdCall[];
  /** Internal events of this step, where the implementation can tell them. */
  trace?: TraceEvent[];
}
