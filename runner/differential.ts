import type { Fixture, Interleaving, ProfileName, StepResult } from '../interleaving';
import { execute, type Failure, type StepCounts } from './execute';
import { failureFixture } from './differential-fixture';
import { shrinkOnTarget, type Judge } from './differential-shrink';
import { referenceFor, type RunSource } from './differential-recorded';
import { notingRefusals } from './differential-skip';
import { KnownCounter } from './known-divergences';
import { propertiesOf, type ReportedFailure, type RunReport } from './report';

/** A run of many interleavings against one target, each step compared with the reference. */
export interface Campaign extends Judge {
  /** The target as the user named it (recorded in fixtures and the report). */
  targetSpec: string;
  profile: ProfileName;
  seed: number;
  runs: number;
  /**
   * The interleaving of run `i` (deterministic in the seed). When it comes with the results of the
   * model that generated it, that model must be `reference` (same implementation and profile): the
   * results then stand in for the reference's on that run (configuration permitting), while the
   * shrinker and the printout still replay the reference.
   */
  generate(run: number): RunSource;
  /** Stop after this many failures (default 1: the first divergence is what a user needs). */
  maxFailures?: number;
  /** Replay budget of the shrinker per failure (default 5000). */
  maxReplays?: number;
  /** Write a fixture atomically; return the path to report (relative to the working directory). */
  save(fixture: Fixture): string;
  /** Called after every run (for a progress bar). */
  onRun?(done: number, failures: number): void;
}

/** A failure, found, shrunk and saved. */
export interface FoundFailure extends ReportedFailure {
  run: number;
  /** Steps up to the failing one when found, and in the saved fixture. */
  foundLength: number;
  savedLength: number;
  replays: number;
  /** False when the shrinker ran out of replays before reaching a 1-minimal interleaving. */
  minimal: boolean;
  /** The saved interleaving. */
  interleaving: Interleaving;
  /** The saved steps' results on the target, for printing (up to the break, for a broken target). */
  results: StepResult[];
  /** The same steps' results on the reference, when there is one. */
  expected: StepResult[] | null;
}

export interface CampaignResult {
  report: RunReport;
  counts: Record<string, StepCounts>;
  found: FoundFailure[];
}

const DEFAULT_MAX_REPLAYS = 5000;

/**
 * Run, check, shrink, save. A failure the target's known divergences explain is counted against
 * its entry and not shrunk (its fixture shows it already); the others are shrunk keeping them
 * unexplained. A run whose configuration the target refuses (ConfigUnsupported) is
 * skipped and counted. A target that broke the protocol is not shrunk (it is no longer
 * trusted, and hangs cost a timeout per replay): its executed prefix is saved as it is, and the
 * campaign stops. Every fixture is saved before the failure is reported to anyone.
 */
export async function runCampaign(c: Campaign): Promise<CampaignResult> {
  const counts: Record<string, StepCounts> = {};
  const differential: StepCounts = { checked: 0, failed: 0, skipped: 0 };
  if (c.reference) counts.differential = differential;
  const found: FoundFailure[] = [];
  const maxFailures = c.maxFailures ?? 1;
  let runs = 0;
  let steps = 0;
  let skippedRuns = 0;
  const noting = notingRefusals(c.target);
  const known = c.known ? new KnownCounter(c.known) : null;

  for (let run = 0; run < c.runs && found.length < maxFailures; run++) {
    const { interleaving: il, reference } = referenceFor(c.generate(run), c.reference);
    const outcome = await execute(noting.target, il, { invariants: c.invariants, checkMode: c.checkMode, reference, compare: c.compare, counts });
    runs++;
    if (noting.takeRefusal() !== null) {
      skippedRuns++;
      c.onRun?.(runs, found.length);
      continue;
    }
    steps += outcome.executed;
    if (c.reference) differential.checked += outcome.executed;
    const failure = outcome.failure;
    if (failure) {
      if (failure.property === 'differential') differential.failed++;
      if (known?.note(il, failure, outcome.results, run)) {
        c.onRun?.(runs, found.length);
        continue;
      }
      found.push(await saveFailure(c, il, failure, run, outcome.results));
      if (failure.property === 'implementation') break;
    }
    c.onRun?.(runs, found.length);
  }

  const report: RunReport = {
    target: c.targetSpec,
    profile: c.profile,
    seed: c.seed,
    runs,
    steps,
    ...(skippedRuns ? { skippedRuns } : {}),
    ...(known ? { known: known.tallies().map(({ id, fixture, runs: n, firstRun }) => ({ id, fixture, runs: n, firstRun })) } : {}),
    failures: found.map(({ property, step, fixture, message }) => ({ property, step, fixture, message })),
    properties: propertiesOf(counts),
  };
  return { report, counts, found };
}

async function saveFailure(c: Campaign, il: Interleaving, failure: Failure, run: number, brokeResults: StepResult[]): Promise<FoundFailure> {
  const at = { target: c.targetSpec, profile: c.profile, seed: c.seed, run };
  let saved: Interleaving = { config: il.config, steps: il.steps.slice(0, Math.max(failure.step + 1, 0)) };
  let final = failure;
  let replays = 0;
  let minimal = false;
  if (failure.property !== 'implementation') {
    const shrunk = await shrinkOnTarget(c, il, failure, c.maxReplays ?? DEFAULT_MAX_REPLAYS);
    ({ interleaving: saved, failure: final, replays, minimal } = shrunk);
  }
  // A target that broke at reset or handshake left no steps to save.
  const fixture = final.step < 0 ? null : c.save(failureFixture(saved, final, at, c.invariants));
  // One more replay, after the fixture is safe, for the printout (a broken target is not asked again).
  const results = failure.property === 'implementation' ? brokeResults : (await execute(c.target, saved)).results;
  const expected = c.reference ? (await execute(c.reference, saved)).results : null;
  return {
    property: final.property,
    step: final.step,
    fixture,
    message: final.message,
    run,
    foundLength: Math.max(failure.step + 1, 0),
    savedLength: saved.steps.length,
    replays,
    minimal,
    interleaving: saved,
    results,
    expected,
  };
}
