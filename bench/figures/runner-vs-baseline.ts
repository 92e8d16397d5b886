import type { Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import { runBaseline } from '../baseline/property';
import { corpus, MAX_STEPS } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table } from '../format';
import { lengthFit, secondsAt, total, type Pass } from '../length-fit';
import { campaignRate, type CampaignRate } from '../ours';
import { inclusiveShare, type FrameName } from '../profile/cpuprofile';
import { profileWorkload } from '../profile/run-profile';
import { stepMix } from '../step-mix';
import { median, ratios, secondsSince, summarize } from '../stats';

const TARGET_RATIO = 3;
/** The short runs of the length fit. */
const SHORT_STEPS = MAX_STEPS / 3;

/** The step choice both sides share: the catalogue's makers and weights for the current state. */
const STEP_CHOICE: FrameName = { fn: 'nextStep', file: 'properties/generators/generate.js' };
/** Both kernels' steps (model and target): the oracle's `apply`. */
const KERNEL_STEPS: FrameName = { fn: 'apply', file: 'oracle/oracle.js' };

/** Where each side spends its time, from a CPU profile of each (inclusive shares). */
function profileShares(b: Budget) {
  const seconds = b.quick ? 1 : 4;
  const ours = profileWorkload('runner', b.seed, seconds);
  const base = profileWorkload('baseline', b.seed, seconds);
  return {
    oursChoice: inclusiveShare(ours, [STEP_CHOICE]),
    baseChoice: inclusiveShare(base, [STEP_CHOICE]),
    oursKernels: inclusiveShare(ours, [KERNEL_STEPS]),
    baseKernels: inclusiveShare(base, [KERNEL_STEPS]),
  };
}

/** One side's passes of a round: runs at the full length and at the short one. */
interface Round {
  long: Pass;
  short: Pass;
}

/** Runs blocks of interleavings (block k on its own seeds) until `seconds` have passed, and adds them up. */
async function passFor(seconds: number, block: (k: number) => Promise<Pass> | Pass): Promise<Pass> {
  const start = process.hrtime.bigint();
  const passes: Pass[] = [];
  for (let k = 0; passes.length === 0 || secondsSince(start) < seconds; k++) passes.push(await block(k));
  return total(passes);
}

/** One baseline run of `numRuns` property executions on a fresh oracle, as a pass. */
function baselinePass(seed: number, numRuns: number, maxCommands: number, onStep?: (s: Step) => void): Pass {
  const x = runBaseline({ target: createOracle(), seed, numRuns, maxCommands, onStep });
  return { runs: x.executions, steps: x.steps, seconds: x.seconds };
}

/** Figure 2: reapcheck's runner beside an idiomatic fc.commands + fc.modelRun test, same oracle, same mix. */
export async function runnerVsBaseline(b: Budget): Promise<FigureResult> {
  const runs = b.quick ? 40 : 200;
  const ours: Round[] = [];
  const base: Round[] = [];
  const genShare: number[] = [];
  const checkedIl: number[] = [];
  const baselineSteps: Step[] = [];
  const findings: CampaignRate['failures'] = [];
  const seedOf = (round: number, block: number) => b.seed + round + 100 * block;
  // Warm-up, untimed: every code path compiled before the first timed round.
  await campaignRate(createOracle(), INVARIANTS, b.seed, runs >> 2);
  await passFor(b.passSeconds, (k) => campaignRate(createOracle(), [], seedOf(0, k), runs));
  await passFor(b.passSeconds, (k) => baselinePass(seedOf(0, k), runs, MAX_STEPS));
  for (let r = 0; r < b.rounds; r++) {
    let generation = 0;
    const oursAt = (maxSteps: number) =>
      passFor(b.passSeconds, async (k) => {
        const o = await campaignRate(createOracle(), [], seedOf(r, k), runs, maxSteps);
        findings.push(...o.failures);
        if (maxSteps === MAX_STEPS) generation += o.generationSeconds;
        return o;
      });
    const baseAt = (maxCommands: number) =>
      passFor(b.passSeconds, (k) => {
        const onStep = r === 0 && k === 0 && maxCommands === MAX_STEPS ? (s: Step) => baselineSteps.push(s) : undefined;
        return baselinePass(seedOf(r, k), runs, maxCommands, onStep);
      });
    // Side by side, the order alternating from round to round.
    const o: Partial<Round> = {};
    const x: Partial<Round> = {};
    if (r % 2 === 0) {
      o.long = await oursAt(MAX_STEPS);
      x.long = await baseAt(MAX_STEPS);
      o.short = await oursAt(SHORT_STEPS);
      x.short = await baseAt(SHORT_STEPS);
    } else {
      x.long = await baseAt(MAX_STEPS);
      o.long = await oursAt(MAX_STEPS);
      x.short = await baseAt(SHORT_STEPS);
      o.short = await oursAt(SHORT_STEPS);
    }
    ours.push(o as Round);
    base.push(x as Round);
    genShare.push(generation / o.long.seconds);
    const c = await campaignRate(createOracle(), INVARIANTS, seedOf(r, 0), runs);
    findings.push(...c.failures);
    checkedIl.push(c.runs / c.seconds);
  }

  const ilPerS = (p: Pass) => p.runs / p.seconds;
  const stepsPerS = (p: Pass) => p.steps / p.seconds;
  const lengthOf = (p: Pass) => p.steps / p.runs;
  const ilRatio = summarize(ratios(ours.map((o) => ilPerS(o.long)), base.map((x) => ilPerS(x.long))));
  const stepRatio = summarize(ratios(ours.map((o) => stepsPerS(o.long)), base.map((x) => stepsPerS(x.long))));
  // Interleavings/s at our length: each side's cost line (per interleaving + per step) read at the same length.
  const fits = ours.map((o, i) => ({ ours: lengthFit(o.short, o.long), base: lengthFit(base[i].short, base[i].long), length: lengthOf(o.long) }));
  const fitRatio = summarize(fits.map((f) => secondsAt(f.base, f.length) / secondsAt(f.ours, f.length)));
  const share = summarize(genShare);
  const costs = (side: 'ours' | 'base') => fixed(1e6 * median(fits.map((f) => secondsAt(f[side], f.length))), 0);
  const length = median(fits.map((f) => f.length));
  const oursSteps = corpus(b.seed, runs).flatMap((il) => il.steps);
  const mine = stepMix(oursSteps);
  const theirs = stepMix(baselineSteps);
  const calls = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort();
  const shares = profileShares(b);
  /** The ratio at the same length were the step choice free on both sides (each side's time less its own share). */
  const choiceFree = (fitRatio.median * (1 - shares.baseChoice)) / (1 - shares.oursChoice);
  /** The same, for what neither side shares: all but the step choice and the two kernels' steps. */
  const ownParts = (fitRatio.median * (1 - shares.baseChoice - shares.baseKernels)) / (1 - shares.oursChoice - shares.oursKernels);
  const pct = (x: number) => `${fixed(100 * x, 0)}%`;
  const range = (s: ReturnType<typeof summarize>) => `${fixed(s.median)} (${fixed(s.min)}–${fixed(s.max)})`;
  const body = [
    `Both drive the same target (a fresh in-process oracle) against the same reference (the oracle), comparing every step's result ` +
      `(no invariants); each pass runs blocks of ${runs} interleavings for at least ${b.passSeconds} s, ${b.rounds} rounds, the two side by side ` +
      `in each round (the order alternating), seeds ${b.seed}+round+100·block. ` +
      `The baseline is \`fc.check(fc.property(runDice, fc.commands([stepCommand], { size: 'max', maxCommands: ${MAX_STEPS} }), …))\` ` +
      `with \`fc.modelRun\`; each command's dice pick its step with the generator's own \`nextStep\` (the catalogue's makers and weights) ` +
      `for the model's state, read as a user of the \`Implementation\` contract reads it: a snapshot after every step (bench/baseline/). ` +
      `Ours generates on a model oracle whose kernel it reads directly (one World per run, refreshed after each step, no snapshot), ` +
      `records the model's results and answers the reference from them (the model is the reference: same oracle, configuration and ` +
      `profile), so a step costs two kernels, as in the baseline.`,
    '',
    `The lengths differ: fc.commands draws ${MAX_STEPS} commands or fewer evenly and a command whose step the model rejects does nothing, ` +
      `while our generator draws ${MAX_STEPS >> 2}–${MAX_STEPS} steps, retries rejected ones, and ends a quarter of the runs with init's kill-and-reap drain. ` +
      `Steps/s alone would not settle it: a run's cost is not proportional to its steps (each run has a fixed part, fc.commands and a fresh ` +
      `model in the baseline, which favours longer runs; and a step costs more in a fuller process table, which favours shorter ones). So each round also runs ` +
      `both at ${SHORT_STEPS} steps at most, each side's seconds per interleaving are fitted as a line in its steps per interleaving, and the ` +
      `two lines are read at our length (${fixed(length, 1)} steps): their ratio is interleavings/s at the same length, and the target is read on it.`,
    '',
    table(['', 'interleavings/s', 'steps/s', 'steps per interleaving', `µs per interleaving of ${fixed(length, 1)} steps (fit)`], [
      ['reapcheck runner (`runCampaign`, differential only)', spread(summarize(ours.map((o) => ilPerS(o.long)))), spread(summarize(ours.map((o) => stepsPerS(o.long)))), fixed(median(ours.map((o) => lengthOf(o.long))), 1), costs('ours')],
      ['fc.commands + fc.modelRun baseline', spread(summarize(base.map((x) => ilPerS(x.long)))), spread(summarize(base.map((x) => stepsPerS(x.long)))), fixed(median(base.map((x) => lengthOf(x.long))), 1), costs('base')],
      ['**ratio ours / baseline**', `${range(ilRatio)} as generated`, range(stepRatio), '', ''],
      ['**ratio at the same length** (both lines read at our length)', `**${range(fitRatio)}**`, '', '', ''],
      ['share of our time spent generating (the model and step choice)', `${fixed(100 * share.median, 0)}% (${fixed(100 * share.min, 0)}–${fixed(100 * share.max, 0)}%)`, '', '', ''],
      ['share of each side\'s time choosing steps (`nextStep`, inclusive, from a CPU profile of each)', pct(shares.oursChoice), pct(shares.baseChoice), '', ''],
      ['share of each side\'s time in the two kernels\' steps (`Oracle.apply`, inclusive, same profiles)', pct(shares.oursKernels), pct(shares.baseKernels), '', ''],
      ['**ratio were the step choice free on both sides**', fixed(choiceFree), '', '', ''],
      ['ratio of what neither side shares (all but the step choice and the kernels\' steps)', fixed(ownParts), '', '', ''],
      [`reapcheck runner with all ${INVARIANTS.length} invariants (what \`reapcheck run\` does; no baseline counterpart)`, spread(summarize(checkedIl)), '', '', ''],
    ]),
    '',
    findings.length === 0
      ? 'No failure on the oracle itself in these runs.'
      : `**Found on the oracle itself** (a campaign stops at its first failure, so such a pass ran fewer interleavings; its rate still counts): ` +
        findings.map((f) => `seed ${f.seed} run ${f.run}: ${f.property} at step ${f.step}: ${f.message}`).join('; ') +
        `. Replay: \`reapcheck run --impl oracle --seed SEED\`.`,
    '',
    `The two shares rows come from \`node dist/bench/profile/workload.js runner|baseline ${b.seed} SECONDS OUT\` (bench/profile/workload.ts: blocks of 20 interleavings, ` +
      'each side at its own length), read as the share of samples with that function on the stack; in those rows the first column is ours, the second the baseline. ' +
      'Both sides choose their steps with the same `nextStep`, so making the catalogue cheaper makes both cheaper; the row below it scales each side\'s time at the same length by what is left without its step choice, and the last of them by what is left without the kernels\' steps as well: our recording, retried steps, comparison and loop against the baseline\'s snapshots, Worlds, fast-check commands and comparison.',
    '',
    'Step mix (percent of steps, first round): the two generators draw from the same catalogue; the drain adds wait4 and kill to ours.',
    '',
    table(['call', 'reapcheck', 'baseline'], calls.map((c) => [c, fixed(mine[c] ?? 0, 1), fixed(theirs[c] ?? 0, 1)])),
  ].join('\n');
  // The ratio if generation cost nothing, and if everything but generation did (both within the same passes).
  const withoutGeneration = fitRatio.median / (1 - share.median);
  const generationOnly = fitRatio.median / share.median;
  return {
    title: 'Runner against the fc.commands baseline',
    body,
    targets: [
      {
        target: `runner ≥ ${TARGET_RATIO}× the baseline's interleavings/s (at the same length)`,
        measured: `${fixed(fitRatio.median)}× (${fixed(stepRatio.median)}× in steps/s, ${fixed(ilRatio.median)}× as generated)`,
        ok: fitRatio.median >= TARGET_RATIO,
        note: `${fixed(TARGET_RATIO / fitRatio.median, 1)}× short: ${TARGET_RATIO}× needs our time per interleaving cut by ` +
          `${fixed(100 * (1 - fitRatio.median / TARGET_RATIO), 0)}%. Per step both run two kernels and compare two results; the baseline adds a ` +
          `snapshot and a World per step and the fc.commands machinery. Generation is ${fixed(100 * share.median, 0)}% of our time ` +
          `(the model's own kernel step included): were it free the ratio would be ${fixed(withoutGeneration)}×, were everything else free ` +
          `${fixed(generationOnly)}×. In generation, besides the model's step: the makers' weights for every step and the garbage; outside it, ` +
          "the target's step and the per-step comparison (runner/compare.ts), which the baseline pays as well, so making those cheaper " +
          'raises the ratio only a little, and a cheaper snapshot lowers it. ' +
          `The step choice is the baseline's own as well (it calls our \`nextStep\`): ${pct(shares.oursChoice)} of our time and ${pct(shares.baseChoice)} of the baseline's (CPU profiles); ` +
          `were it free on both sides the ratio would be ${fixed(choiceFree)}×. So no work on generation alone can reach ${TARGET_RATIO}×: it would also need what is left of ours ` +
          `(the two kernels, ${pct(shares.oursKernels)} of our time, the recording, retried steps, the comparison and the loop) at a third of what is left of the baseline's ` +
          "(the same kernels and comparison, plus a snapshot and a World per step and fast-check's commands), that is, everything of ours but the kernels nearly free. " +
          `What would close it: a baseline that chooses its steps another way than ours (the target would then measure the catalogue as much as the runner), or a target restated on the parts neither side shares (${fixed(ownParts)}× now).`,
      },
    ],
  };
}
