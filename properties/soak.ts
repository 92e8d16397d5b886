import type { Implementation, Interleaving, ProfileName } from '../interleaving';
import type { Invariant } from '../runner/check';
import type { Failure, StepCounts } from '../runner/execute';
import { executeSync } from '../runner/execute';
import { formatShrunk } from '../runner/shrink-print';
import { checksFor } from './checks';
import { CoverageTally } from './coverage/table';
import { createModel } from './model';
import { runOne, shrinkOn } from './run-one';
import { runSeed, shardSeed } from './seeds';

export interface SoakOptions {
  /** Interleavings to run (in this shard). */
  runs: number;
  seed: number;
  /** `--shard i/n`: index is 1-based like jest's; the shard runs from seed + (index - 1). */
  shard?: { index: number; count: number };
  /** Longest interleaving (default 60). */
  maxSteps?: number;
  /** Also check the errata (ideal properties the r176365 seed breaks by design). */
  errata?: boolean;
  /** The kernel profile to generate for and check (default freebsd-r176365). */
  profile?: ProfileName;
  /** Replace the checks (default: the invariant catalogue, plus the errata if asked). */
  checks?: readonly Invariant[];
  /** The implementation checked (default: a fresh oracle); it must answer synchronously. */
  target?: () => Implementation;
  /** Distinct failing properties to shrink and print (default 5). */
  maxShrunk?: number;
}

export interface SoakProgress {
  done: number;
  total: number;
  steps: number;
  failedRuns: number;
}

export interface SoakFailure extends Failure {
  run: number;
  runSeed: number;
  originalLength: number;
  interleaving: Interleaving;
  replays: number;
  minimal: boolean;
  /** The shrunk interleaving, one line per step, with the seed and the replay command. */
  text: string;
}

export interface SoakResult {
  runs: number;
  steps: number;
  /** Runs with a failure, by property. */
  failuresByProperty: Record<string, number>;
  failedRuns: number;
  /** The first failure of each property, shrunk (up to maxShrunk). */
  shrunk: SoakFailure[];
  counts: Record<string, StepCounts>;
  coverage: CoverageTally;
  /** Wall-clock time, and the CPU time this process used (the fairer figure on a shared machine). */
  seconds: number;
  cpuSeconds: number;
  /** Deterministic summary (no timings): same seed, same text. */
  text: string;
}

/**
 * Runs a budget of random interleavings, checks every invariant after every step, tallies which
 * interesting states the runs reached, and shrinks the first failure of each property.
 */
export async function soak(o: SoakOptions, onProgress?: (p: SoakProgress) => void): Promise<SoakResult> {
  const shardIndex = o.shard ? o.shard.index - 1 : 0;
  if (o.shard && (!Number.isInteger(o.shard.index) || o.shard.index < 1 || o.shard.index > o.shard.count)) {
    throw new RangeError(`--shard ${o.shard.index}/${o.shard.count}: the index must be between 1 and ${o.shard.count}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 0) throw new RangeError(`--runs ${o.runs}: must be a whole number`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`--seed ${o.seed}: must be a whole number`);
  const base = shardSeed(o.seed, shardIndex);
  const model = createModel();
  const target = o.target ? o.target() : createModel();
  const checks = o.checks ?? checksFor({ errata: o.errata, profile: o.profile });
  const coverage = new CoverageTally();
  const counts: Record<string, StepCounts> = {};
  const failuresByProperty: Record<string, number> = {};
  const firsts: { run: number; seed: number; il: Interleaving; failure: Failure }[] = [];
  const maxShrunk = o.maxShrunk ?? 5;
  let steps = 0;
  let failedRuns = 0;
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const every = Math.max(1, Math.floor(o.runs / 200));

  for (let run = 0; run < o.runs; run++) {
    const seed = runSeed(base, run);
    const probe = coverage.startRun();
    const { interleaving, outcome } = runOne(seed, { model, target, checks, maxSteps: o.maxSteps, profile: o.profile, execute: { counts, observe: probe.observe } });
    probe.end();
    steps += outcome.executed;
    if (outcome.failure) {
      failedRuns++;
      const p = outcome.failure.property;
      failuresByProperty[p] = (failuresByProperty[p] ?? 0) + 1;
      if (failuresByProperty[p] === 1 && firsts.length < maxShrunk) firsts.push({ run, seed, il: interleaving, failure: outcome.failure });
    }
    if (onProgress && ((run + 1) % every === 0 || run + 1 === o.runs)) onProgress({ done: run + 1, total: o.runs, steps, failedRuns });
  }

  const shrunk: SoakFailure[] = [];
  for (const f of firsts) {
    const s = await shrinkOn(target, model, checks, f.il, f.failure);
    const results = executeSync(target, s.interleaving).results;
    const text = formatShrunk(s.interleaving, results, s.failure, { seed: f.seed, command: `reapcheck soak --runs 1 --seed ${f.seed}${o.errata ? ' --errata' : ''}` });
    shrunk.push({ ...s.failure, run: f.run, runSeed: f.seed, originalLength: f.il.steps.length, interleaving: s.interleaving, replays: s.replays, minimal: s.minimal, text });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result: SoakResult = { runs: o.runs, steps, failuresByProperty, failedRuns, shrunk, counts, coverage, seconds, cpuSeconds, text: '' };
  result.text = formatSoak(result, o);
  return result;
}

/** The soak's report: totals, failures per property, the shrunk failures, and the coverage table. */
export function formatSoak(r: SoakResult, o: Pick<SoakOptions, 'seed' | 'shard' | 'errata' | 'profile'>): string {
  const shard = o.shard ? ` shard ${o.shard.index}/${o.shard.count}` : '';
  const profile = o.profile && o.profile !== 'freebsd-r176365' ? `, profile ${o.profile}` : '';
  const lines = [`soak: ${r.runs} interleavings, ${r.steps} steps, seed ${o.seed}${shard}${profile}${o.errata ? ', errata on' : ''}`];
  const props = Object.keys(r.failuresByProperty).sort();
  lines.push(props.length === 0 ? 'all invariants held' : `${r.failedRuns} runs failed:`);
  for (const p of props) lines.push(`  ${p}: ${r.failuresByProperty[p]} runs`);
  for (const f of r.shrunk) lines.push('', `shrunk from ${f.originalLength} to ${f.interleaving.steps.length} steps in ${f.replays} replays${f.minimal ? '' : ' (budget reached: may not be minimal)'}:`, f.text);
  lines.push('', r.coverage.format());
  return lines.join('\n');
}

/** Throughput line, by wall clock and by CPU time (not part of the deterministic text). */
export function formatThroughput(r: SoakResult): string {
  const rate = (s: number) => `${(r.runs / Math.max(s, 1e-9)).toFixed(0)} interleavings/s, ${(r.steps / Math.max(s, 1e-9)).toFixed(0)} steps/s`;
  return `${r.seconds.toFixed(2)} s wall (${rate(r.seconds)}); ${r.cpuSeconds.toFixed(2)} s CPU (${rate(r.cpuSeconds)})`;
}
