import type { Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import { runBaseline } from '../baseline/property';
import { corpus, MAX_STEPS } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table } from '../format';
import { campaignRate, type CampaignRate } from '../ours';
import { stepMix } from '../step-mix';
import { ratios, summarize } from '../stats';

const TARGET_RATIO = 3;

/** Figure 2: reapcheck's runner beside an idiomatic fc.commands + fc.modelRun test, same oracle, same mix. */
export async function runnerVsBaseline(b: Budget): Promise<FigureResult> {
  const runs = b.quick ? 40 : 200;
  const series = { oursIl: [] as number[], oursSteps: [] as number[], checkedIl: [] as number[], baseIl: [] as number[], baseSteps: [] as number[] };
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
  const stepRatio = summarize(ratios(series.oursSteps, series.baseSteps));
  const oursSteps = corpus(b.seed, runs).flatMap((il) => il.steps);
  const mine = stepMix(oursSteps);
  const theirs = stepMix(baselineSteps);
  const calls = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort();
  const body = [
    `Both drive the same target (a fresh in-process oracle) against the same reference (the oracle), comparing every step's result ` +
      `(no invariants, so both do the same work per step); ${runs} interleavings per pass, ${b.rounds} rounds, the two side by side in each round, ` +
      `seed ${b.seed}+round. The baseline is \`fc.check(fc.property(runDice, fc.commands([stepCommand], { size: 'max', maxCommands: ${MAX_STEPS} }), …))\` ` +
      `with \`fc.modelRun\`; each command's dice pick its step with the catalogue's makers for the model's state (bench/baseline/).`,
    '',
    table(['', 'interleavings/s', 'steps/s', 'steps per interleaving'], [
      ['reapcheck runner (`runCampaign`, differential only)', spread(summarize(series.oursIl)), spread(summarize(series.oursSteps)), fixed(median(series.oursSteps) / median(series.oursIl), 1)],
      ['fc.commands + fc.modelRun baseline', spread(summarize(series.baseIl)), spread(summarize(series.baseSteps)), fixed(median(series.baseSteps) / median(series.baseIl), 1)],
      ['**ratio ours / baseline**', `${fixed(ilRatio.median)} (${fixed(ilRatio.min)}–${fixed(ilRatio.max)})`, `${fixed(stepRatio.median)} (${fixed(stepRatio.min)}–${fixed(stepRatio.max)})`, ''],
      [`reapcheck runner with all ${INVARIANTS.length} invariants (what \`reapcheck run\` does; no baseline counterpart)`, spread(summarize(series.checkedIl)), '', ''],
    ]),
    '',
    findings.length === 0
      ? 'No failure on the oracle itself in these runs.'
      : `**Found on the oracle itself** (a campaign stops at its first failure, so such a pass ran fewer interleavings; its rate still counts): ` +
        findings.map((f) => `seed ${f.seed} run ${f.run}: ${f.property} at step ${f.step}: ${f.message}`).join('; ') +
        `. Replay: \`reapcheck run --impl oracle --seed SEED\`.`,
    '',
    'Step mix (percent of steps, first round): the two generators draw from the same catalogue.',
    '',
    table(['call', 'reapcheck', 'baseline'], calls.map((c) => [c, fixed(mine[c] ?? 0, 1), fixed(theirs[c] ?? 0, 1)])),
  ].join('\n');
  return {
    title: 'Runner against the fc.commands baseline',
    body,
    targets: [
      {
        target: `runner ≥ ${TARGET_RATIO}× the baseline's interleavings/s`,
        measured: `${fixed(ilRatio.median)}×`,
        ok: ilRatio.median >= TARGET_RATIO,
        note: `${fixed(TARGET_RATIO / ilRatio.median, 1)}× short. reapcheck generates each interleaving on a model of its own (generate.ts applies every step to it ` +
          'and snapshots after each, to pick the next step), then `execute` replays it on the reference and the target: three kernels per step plus a snapshot. ' +
          'The baseline\'s model is its reference: two kernels per step plus the same snapshot. The fc.commands machinery itself costs little here. ' +
          'What would close it (properties/generators, runner/differential): record the model\'s results during generation and use them as the ' +
          'reference\'s expectations (the model is the oracle with the same configuration), saving one kernel per step, and make the generator\'s ' +
          'World cheaper than a full snapshot per step (Hot spots: `buildSnapshot`, `procView`, `nextStep`).',
      },
    ],
  };
}

function median(xs: number[]): number {
  return summarize(xs).median;
}
