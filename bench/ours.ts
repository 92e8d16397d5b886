import type { Implementation, Interleaving } from '../interleaving';
import { createdPids, interleavingSource } from '../cli/interleavings';
import { createOracle } from '../oracle';
import type { Invariant } from '../runner/check';
import { runCampaign } from '../runner/differential';
import { referenceFor } from '../runner/differential-recorded';
import { shrinkOnTarget, type Judge } from '../runner/differential-shrink';
import { execute, type Failure } from '../runner/execute';
import { MAX_STEPS } from './corpus';
import { secondsSince } from './stats';

/** The replay budget `reapcheck run` gives its shrinker (runner/differential.ts). */
const RUN_MAX_REPLAYS = 5000;

/** A campaign's totals, and its failures (none are expected on the oracle; any found is a finding to report). */
export interface CampaignRate {
  runs: number;
  steps: number;
  seconds: number;
  /** Of `seconds`, the time spent generating the interleavings. */
  generationSeconds: number;
  failures: { seed: number; run: number; property: string; step: number; message: string }[];
}

/**
 * `reapcheck run` in process without the CLI (up to `runs` interleavings of at most `maxSteps`
 * steps, stopping at a failure as it does): runs, steps, seconds (and how many of them
 * generating), and the failure if one was found (it is shrunk, not saved).
 */
export async function campaignRate(target: Implementation, invariants: readonly Invariant[], seed: number, runs: number, maxSteps = MAX_STEPS): Promise<CampaignRate> {
  const source = interleavingSource(seed, maxSteps, 'freebsd-r176365');
  let generationSeconds = 0;
  const generate = (run: number) => {
    const begin = process.hrtime.bigint();
    const g = source(run);
    generationSeconds += secondsSince(begin);
    return g;
  };
  const start = process.hrtime.bigint();
  const { report, found } = await runCampaign({
    target,
    reference: createOracle(),
    invariants,
    targetSpec: target.name,
    profile: 'freebsd-r176365',
    seed,
    runs,
    generate,
    createdPids,
    save: () => '(not saved)',
  });
  const failures = found.map((f) => ({ seed, run: f.run, property: f.property, step: f.step, message: f.message }));
  return { runs: report.runs, steps: report.steps, seconds: secondsSince(start), generationSeconds, failures };
}

export interface Found {
  found: boolean;
  firstFailureSeconds: number | null;
  runsToFailure: number | null;
  property: string | null;
  foundLength: number | null;
  replays: number;
  finalLength: number | null;
  minimal: boolean;
}

/**
 * What `reapcheck run --impl TARGET` does up to saving the fixture: runs until the first failure
 * (differential against the oracle, plus the invariants), then shrinks it on the target.
 */
export async function findAndShrink(target: Implementation, invariants: readonly Invariant[], seed: number, maxRuns: number): Promise<Found> {
  const judge: Judge = { target, reference: createOracle(), invariants, createdPids };
  const generate = interleavingSource(seed, MAX_STEPS, 'freebsd-r176365');
  const start = process.hrtime.bigint();
  let hit: { il: Interleaving; failure: Failure; run: number } | null = null;
  for (let run = 0; run < maxRuns && hit === null; run++) {
    const { interleaving: il, reference } = referenceFor(generate(run), judge.reference);
    const outcome = await execute(target, il, { invariants, reference });
    if (outcome.failure) hit = { il, failure: outcome.failure, run };
  }
  if (hit === null) return { found: false, firstFailureSeconds: null, runsToFailure: null, property: null, foundLength: null, replays: 0, finalLength: null, minimal: false };
  const firstFailureSeconds = secondsSince(start);
  const s = await shrinkOnTarget(judge, hit.il, hit.failure, RUN_MAX_REPLAYS);
  return {
    found: true,
    firstFailureSeconds,
    runsToFailure: hit.run + 1,
    property: hit.failure.property,
    foundLength: hit.failure.step + 1,
    replays: s.replays,
    finalLength: s.interleaving.steps.length,
    minimal: s.minimal,
  };
}
