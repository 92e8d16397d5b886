import { resolve } from 'node:path';
import type { ProfileName, StepResult } from '../../interleaving';
import { createOracle } from '../../oracle';
import { openTarget } from '../../adapters/targets';
import type { CheckMode } from '../../runner/check';
import { runCampaign, type FoundFailure } from '../../runner/differential';
import { writeFixtureAtomic } from '../../runner/fixture-reader';
import { junitXml } from '../../runner/junit';
import { exitCodeOf, reportJson } from '../../runner/report';
import { countsTable, replayCommandLine } from '../../runner/report-text';
import { formatObservation, formatShrunk } from '../../runner/shrink-print';
import { checksFor } from '../../properties/checks';
import { createdPidsFor, interleavingSource, orderableFor } from '../interleavings';
import { displayPath } from '../display-path';
import type { Io } from '../io';
import { knownDivergencesFor, knownLines } from '../known-divergences';
import { startProgress } from '../progress';
import { writeFileAtomic } from '../write-atomic';

export interface RunOptions {
  impl: string;
  profile: ProfileName;
  runs: number;
  seed: number;
  maxSteps: number;
  json: boolean;
  junit?: string;
  out: string;
  timeout: number;
  errata: boolean;
  /** How invariants judge each step (default incremental). */
  checkMode?: CheckMode;
  maxFailures: number;
  /** Count the target's documented divergences instead of failing on them (default true; `--no-known`). */
  known?: boolean;
}

/** The default budget: finds typical bugs, and completes in a few seconds on the oracle. */
export const DEFAULT_RUNS = 200;
export const DEFAULT_MAX_STEPS = 60;
export const DEFAULT_SEED = 1;
export const DEFAULT_OUT = 'fixtures/failures';

/** For a divergence: what the oracle did at the failing step, beside what the target did. */
function bothSides(f: FoundFailure): string {
  const mine = f.results[f.step];
  const theirs = f.expected?.[f.step];
  if (!mine || !theirs || (f.property !== 'differential' && f.property !== 'rejected')) return '';
  const show = (r: StepResult) => r.observations.map(formatObservation).join('; ') || 'nothing';
  return `step ${f.step}: the oracle: ${show(theirs)}\n${' '.repeat(String(f.step).length + 7)}the target: ${show(mine)}\n`;
}

/** A found failure, readably: what failed, the saved steps with what the target did, where it is saved. */
export function describeFailure(f: FoundFailure, target: string, o: { profile: ProfileName; errata: boolean; seed?: number }): string {
  const how = f.property === 'implementation'
    ? `the implementation broke: the ${f.savedLength}-step prefix is saved as it is`
    : `run ${f.run}: found at ${f.foundLength} steps, shrunk to ${f.savedLength} in ${f.replays} replays${f.minimal ? '' : ' (the replay budget ran out before a minimal one)'}`;
  if (f.fixture === null) return `FAIL ${f.property} before the first step: ${f.message}\n\n`;
  const body = formatShrunk(f.interleaving, f.results, f, { seed: o.seed, command: replayCommandLine(f.fixture, target, o) });
  return `FAIL ${body}\n${bothSides(f)}fixture: ${f.fixture} (${how})\n\n`;
}

function knownCount(report: { known?: { runs: number }[] }): string {
  return report.known ? `, ${report.known.reduce((n, k) => n + k.runs, 0)} known divergence(s)` : '';
}

/** `reapcheck run`: random interleavings against a target, each step checked against the oracle. */
export async function runCommand(o: RunOptions, io: Io): Promise<number> {
  const started = Date.now();
  const target = await openTarget(o.impl, { profile: o.profile, timeoutMs: o.timeout, cwd: io.cwd });
  const outDir = resolve(io.cwd, o.out);
  const progress = startProgress(io, o.runs, `reapcheck ${o.impl}`);
  let result;
  try {
    result = await runCampaign({
      target,
      reference: createOracle(),
      invariants: checksFor({ errata: o.errata, profile: o.profile }), checkMode: o.checkMode,
      compare: { expectedProfile: o.profile, actualProfile: o.profile },
      targetSpec: o.impl,
      profile: o.profile,
      seed: o.seed,
      runs: o.runs,
      maxFailures: o.maxFailures,
      known: o.known === false ? undefined : knownDivergencesFor(o.impl, o.profile),
      generate: interleavingSource(o.seed, o.maxSteps, o.profile),
      createdPids: createdPidsFor(o.profile),
      orderable: orderableFor(o.profile),
      save: (fixture) => displayPath(io.cwd, writeFixtureAtomic(outDir, fixture)),
      onRun: (done, failures) => progress.update(done, failures),
    });
  } finally {
    progress.stop();
    await target.close?.();
  }
  const { report, counts, found } = result;
  if (o.junit) writeFileAtomic(resolve(io.cwd, o.junit), junitXml(`reapcheck ${o.impl} (${o.profile})`, counts, report.failures));
  if (o.json) {
    io.out(`${reportJson(report)}\n`);
  } else {
    for (const f of found) io.out(describeFailure(f, o.impl, o));
    io.out(`${countsTable(counts)}\n`);
    io.out(knownLines(o.impl, report.known ?? []));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const skipped = report.skippedRuns ? ` (${report.skippedRuns} skipped: configuration not supported by the target)` : '';
    io.out(`${o.impl} (${o.profile}): ${report.runs} runs${skipped}, ${report.steps} steps, ${report.failures.length} failure(s)${knownCount(report)}, seed ${o.seed}, in ${seconds} s\n`);
  }
  return exitCodeOf(report);
}
