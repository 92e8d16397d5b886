import type { Invariant } from '../../runner/check';

/**
 * An ideal property that the seed breaks by design (semantics.md §5). It has the Invariant shape,
 * so the runner and shrinker handle it like any check, but it is off in an ordinary conformance
 * run against the r176365 profile; a switch turns the set on to hunt errata in any implementation.
 */
export interface Erratum extends Invariant {
  /** The edge case, e.g. "E4". */
  readonly erratum: string;
  /** The later FreeBSD change that restored the ideal (semantics.md §6). */
  readonly fixedBy: string;
}
