import type { ProfileName } from '../interleaving';
import type { Invariant } from '../runner/check';
import { ERRATA } from './errata';
import { INVARIANTS } from './invariants';

/**
 * Invariants that state an r176365 rule Linux does not share (linux.md): oppid bookkeeping (T-rules),
 * auto-reaping under SIG_IGN, whose usage nobody inherits (W-rules), pid allocation with RESERVED_PIDS, the wait eligibility of
 * traced and clone children (W6). On the linux profile they are left out, not reported as failures.
 */
const FREEBSD_ONLY: ReadonlySet<string> = new Set(['trace-state', 'reap-once', 'pid-unique', 'echild-exact', 'wait-selector', 'rusage-conservation']);

/**
 * The checks of a run: the invariant catalogue (for the profile), plus the errata when hunting them.
 * The errata are r176365's own departures from the ideal, so they are a switch, off by default.
 */
export function checksFor(o: { errata?: boolean; profile?: ProfileName } = {}): readonly Invariant[] {
  const invariants = o.profile === 'linux' ? INVARIANTS.filter((i) => !FREEBSD_ONLY.has(i.name)) : INVARIANTS;
  return o.errata ? [...invariants, ...ERRATA] : invariants;
}
