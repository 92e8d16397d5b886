import type { Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { MAKERS } from '../../properties/generators/catalogue';
import { INVARIANTS } from '../../properties/invariants';
import { runBaseline } from '../baseline/property';
import { corpus, MAX_STEPS } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table } from '../format';
import { campaignRate, type CampaignRate } from '../ours';
import { stepMix } from '../step-mix';
import { median, ratios, summarize } from '../stats';

const TARGET_RATIO = 3;

/** Figure 2: reapcheck's runner beside an idiomatic fc.commands + fc.modelRun test, same oracle, same mix. */
export async function runnerVsBaseline(b: Budget): Promise<FigureResult> {
  const runs = b.quick ? 40 : 200;
  const series = { oursIl: [] as number[], oursSteps: [] as number[], checkedIl: [] as number[], baseIl: [] as number[], baseSteps: [] as number[], genShare: [] as number[] };
  const baselineSteps: Step[] = [];
  const findings: CampaignRate['failures'] = [];
  // Warm-up, untimed: both code paths compiled before the first timed round.
  await campaignRate(createOracle(), INVARIANTS, b.seed, runs >> 2);
  runBaseline({ target: createOracle(), seed: b.seed, numRuns: runs >> 2, maxCommands: MAX_STEPS });
  for (let r = 0; r < b.rounds; r++) {
    const seed = b.seed + r;
    const ours = async () => {
      const o = await campaignRate(createOracle(), [], seed, runs);
      findings.push(...o.failures);
      series.oursIl.push(o.runs / o.seconds);
      series.oursSteps.push(o.steps / o.seconds);
      series.genShare.push(o.generationSeconds / o.seconds);
    };
    const base = () => {
      const x = runBaseline({ target: createOracle(), seed, numRuns: runs, maxCommands: MAX_STEPS, onStep: r === 0 ? (s) => baselineSteps.push(s) : undefined });
      series.baseIl.push(x.executions / x.seconds);
      series.baseSteps.push(x.steps / x.seconds);
    };
    if (r % 2 === 0) {
      await ours();
      base();
    } else {
      base();
      await ours();
    }
    const c = await campaignRate(createOracle(), INVARIANTS, seed, runs);
    findings.push(...c.failures);
    series.checkedIl.push(c.runs / c.seconds);
  }
  const ilRatio = summarize(ratios(series.oursIl, series.baseIl));
  // Interleavings/s at the same length: each side's steps/s over the same steps per interleaving.
  const sameLength = summarize(ratios(series.oursSteps, series.baseSteps));
  const genShare = summarize(series.genShare);
  const oursLength = median(series.oursSteps) / median(series.oursIl);
  const baseLength = median(series.baseSteps) / median(series.baseIl);
  const oursSteps = corpus(b.seed, runs).flatMap((il) => il.steps);
  const mine = stepMix(oursSteps);
  const theirs = stepMix(baselineSteps);
  const calls = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort();
  const body = [
    `Both drive the same target (a fresh in-process oracle) against the same reference (the oracle), comparing every step's result ` +
      `(no invariants); ${runs} interleavings per pass, ${b.rounds} rounds, the two side by side in each round, seed ${b.seed}+round. ` +
      `The baseline is \`fc.check(fc.property(runDice, fc.commands([stepCommand], { size: 'max', maxCommands: ${MAX_STEPS} }), …))\` ` +
      `with \`fc.modelRun\`; each command's dice pick its step with the generator's own \`nextStep\` (the catalogue's makers and weights) ` +
      `for the model's state, read as a user of the \`Implementation\` contract reads it: a snapshot after every step (bench/baseline/). ` +
      `Ours generates on a model oracle whose kernel it reads directly (no snapshot), records the model's results and answers the ` +
      `reference from them (the model is the reference: same oracle, configuration and profile), so a step costs two kernels, as in the baseline.`,
    '',
    `The lengths differ: fc.commands draws ${MAX_STEPS} commands or fewer evenly and a command whose step the model rejects does nothing, ` +
      `while our generator draws ${MAX_STEPS >> 2}–${MAX_STEPS} steps, retries rejected ones, and ends a quarter of the runs with init's kill-and-reap drain. ` +
      `So the ratio is also given at the same length: the ratio of steps/s, which is the ratio of interleavings/s when both have the same steps per interleaving; the target is read on it.`,
    '',
    table(['', 'interleavings/s', 'steps/s (the ratio: interleavings/s at the same length)', 'steps per interleaving'], [
      ['reapcheck runner (`runCampaign`, differential only)', spread(summarize(series.oursIl)), spread(summarize(series.oursSteps)), fixed(oursLength, 1)],
      ['fc.commands + fc.modelRun baseline', spread(summarize(series.baseIl)), spread(summarize(series.baseSteps)), fixed(baseLength, 1)],
      ['**ratio ours / baseline**', `${fixed(ilRatio.median)} (${fixed(ilRatio.min)}–${fixed(ilRatio.max)})`, `${fixed(sameLength.median)} (${fixed(sameLength.min)}–${fixed(sameLength.max)})`, ''],
      ['share of our time spent generating (the model and step choice)', `${fixed(100 * genShare.median, 0)}% (${fixed(100 * genShare.min, 0)}–${fixed(100 * genShare.max, 0)}%)`, '', ''],
      [`reapcheck runner with all ${INVARIANTS.length} invariants (what \`reapcheck run\` does; no baseline counterpart)`, spread(summarize(series.checkedIl)), '', ''],
    ]),
    '',
    findings.length === 0
      ? 'No failure on the oracle itself in these runs.'
      : `**Found on the oracle itself** (a campaign stops at its first failure, so such a pass ran fewer interleavings; its rate still counts): ` +
        findings.map((f) => `seed ${f.seed} run ${f.run}: ${f.property} at step ${f.step}: ${f.message}`).join('; ') +
        `. Replay: \`reapcheck run --impl oracle --seed SEED\`.`,
    '',
    'Step mix (percent of steps, first round): the two generators draw from the same catalogue; the drain adds wait4 and kill to ours.',
    '',
    table(['call', 'reapcheck', 'baseline'], calls.map((c) => [c, fixed(mine[c] ?? 0, 1), fixed(theirs[c] ?? 0, 1)])),
  ].join('\n');
  // What the ratio would be if everything but generation cost nothing (measured within the same passes).
  const ceiling = sameLength.median / genShare.median;
  return {
    title: 'Runner against the fc.commands baseline',
    body,
    targets: [
      {
        target: `runner ≥ ${TARGET_RATIO}× the baseline's interleavings/s (at the same length)`,
        measured: `${fixed(sameLength.median)}× (${fixed(ilRatio.median)}× as generated)`,
        ok: sameLength.median >= TARGET_RATIO,
        note: `${fixed(TARGET_RATIO / sameLength.median, 1)}× short. Per step both now run two kernels (ours: the generation model, whose results stand in ` +
          'for the reference, and the target); the baseline adds a full snapshot and World per step and the fc.commands machinery, ours ' +
          'reads the model kernel lazily (properties/generators/kernel-world-state.ts) and adds the runner loop. What is left is step ' +
          `choice itself: generation is ${fixed(100 * genShare.median, 0)}% of our time, so with the rest free the ratio would be ${fixed(ceiling)}×` +
          (ceiling < TARGET_RATIO ? `: no change to the runner alone reaches ${TARGET_RATIO}×. ` : '. ') +
          `What would: cheaper step choice in nextStep (${MAKERS.length} maker weights per step through polymorphic calls, and the World rebuilt per ` +
          'step: a persistent one updated from what the step touched), and a cheaper oracle `apply` (a third of our time).',
      },
    ],
  };
}
