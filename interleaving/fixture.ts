import type { Config } from './config';
import type { ErrnoName, SignalName } from './symbols';
import type { Observation, Rusage, Unspecified } from './observation';
import type { DecodedStatus } from './status';
import type { Snapshot } from './snapshot';
import type { Step } from './step';

export const FIXTURE_FORMAT = 'reapcheck-fixture' as const;
export const FIXTURE_VERSION = 1;

/**
 * What a fixture may state about one step. Every field is optional: only what is stated is checked.
 * `observations` lists the expected observations in order (the caller's first, then the sleepers
 * the step woke); `sleeps` is shorthand for "the caller's call blocks".
 */
export interface StepExpectation {
  ret?: number;
  /** null states "no error". */
  errno?: ErrnoName | null;
  status?: { raw?: number | Unspecified; decoded?: DecodedStatus };
  rusage?: Rusage | Unspecified;
  sigs?: SignalName[];
  sleeps?: boolean;
  /** The sleepers this step completes, in order (pid plus any of the observation's fields). */
  wakes?: (Partial<Observation> & { pid: number })[];
  /** abort2 log lines, without trailing newline. */
  log?: string[];
  panic?: string;
  /** A partial process table after the step: listed procs/pgrps/sessions must match on the listed fields. */
  snapshot?: {
    procs?: (Partial<Snapshot['procs'][number]> & { pid: number })[];
    absent?: number[];
    pgrps?: (Partial<Snapshot['pgrps'][number]> & { pgid: number })[];
    sessions?: (Partial<Snapshot['sessions'][number]> & { sid: number })[];
    nprocs?: number;
    uidCounts?: Record<number, number>;
  };
}

/** Where a fixture's rule comes from, and for errata, what later fixed it. */
export interface FixtureSource {
  seedLines?: string;
  semantics?: string;
  erratum?: string;
  fixedBy?: string;
}

/** A replayable interleaving with expectations: golden scenarios, errata, regressions, failures. */
export interface Fixture {
  format: typeof FIXTURE_FORMAT;
  version: typeof FIXTURE_VERSION;
  name: string;
  kind: 'golden' | 'erratum' | 'regression' | 'failure';
  description: string;
  source?: FixtureSource;
  /** Profiles this fixture applies to (default: ['freebsd-r176365']). */
  profiles?: Config['profile'][];
  config: Partial<Config>;
  steps: Step[];
  /** Per-step expectations, aligned with `steps` (null or missing: nothing stated). */
  expect?: (StepExpectation | null)[];
  /** For found failures and errata: the property that failed, the run seed, and the failing step. */
  found?: { property: string; seed?: string; run?: number; step: number; target?: string; minimalLength?: number };
}
