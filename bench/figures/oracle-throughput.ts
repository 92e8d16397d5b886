import { withDefaults, type Interleaving } from '../../interleaving';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import { executeSync } from '../../runner/execute';
import { corpus, stepCount } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table, whole } from '../format';
import { sideBySide, timeFor } from '../repeat';
import { ratios, summarize } from '../stats';

const TARGET_BARE = 1_000_000;
const TARGET_CHECKED = 300_000;

/** Raw `reset` + `apply` of each step, no runner around it. */
function applyAll(ils: readonly Interleaving[], trace: boolean): () => number {
  const oracle = createOracle({ trace });
  return () => {
    for (const il of ils) {
      oracle.reset(withDefaults(il.config));
      for (const s of il.steps) oracle.apply(s);
    }
    return stepCount(ils);
  };
}

/** The runner's loop: without invariants (no snapshots), or with all of them (a snapshot per step). */
function executeAll(ils: readonly Interleaving[], checked: boolean): () => number {
  const oracle = createOracle();
  const invariants = checked ? INVARIANTS : [];
  return () => ils.reduce((n, il) => n + executeSync(oracle, il, { invariants }).executed, 0);
}

/** Figure 1: oracle steps per second on random interleavings, without and with every invariant. */
export function oracleThroughput(b: Budget): FigureResult {
  const ils = corpus(b.seed, b.quick ? 50 : 300);
  const rates = sideBySide(b.rounds, {
    bare: () => timeFor(b.passSeconds, applyAll(ils, true)),
    noTrace: () => timeFor(b.passSeconds, applyAll(ils, false)),
    runner: () => timeFor(b.passSeconds, executeAll(ils, false)),
    checked: () => timeFor(b.passSeconds, executeAll(ils, true)),
  });
  const bare = summarize(rates.bare);
  const checked = summarize(rates.checked);
  const ratio = summarize(ratios(rates.checked, rates.bare));
  const body = [
    `${ils.length} interleavings generated with the run seeds of \`reapcheck run --seed ${b.seed}\` (${stepCount(ils)} steps, ` +
      `up to 60 steps each), replayed over and over; ${b.rounds} rounds, each contender once per round, ≥ ${b.passSeconds} s per pass.`,
    '',
    table(['mode', 'steps/s, median (min–max)', 'vs bare apply'], [
      ['bare `apply` (trace and md recorded, as the runner gets them)', spread(bare), '1.00'],
      ['bare `apply`, trace off', spread(summarize(rates.noTrace)), fixed(summarize(ratios(rates.noTrace, rates.bare)).median)],
      ['`executeSync`, no invariants (no snapshots)', spread(summarize(rates.runner)), fixed(summarize(ratios(rates.runner, rates.bare)).median)],
      [`\`executeSync\`, all ${INVARIANTS.length} invariants (snapshot per step)`, spread(checked), `${fixed(ratio.median, 3)} (${fixed(ratio.min, 3)}–${fixed(ratio.max, 3)})`],
    ]),
  ].join('\n');
  return {
    title: 'Oracle throughput',
    body,
    targets: [
      { target: `oracle ≥ ${whole(TARGET_BARE)} steps/s without checks`, measured: `${whole(bare.median)} steps/s`, ok: bare.median >= TARGET_BARE },
      { target: `oracle ≥ ${whole(TARGET_CHECKED)} steps/s with all invariants`, measured: `${whole(checked.median)} steps/s`, ok: checked.median >= TARGET_CHECKED },
    ],
  };
}

