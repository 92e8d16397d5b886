import { withDefaults, type Interleaving } from '../../interleaving';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import type { Invariant } from '../../runner/check';
import { executeSync } from '../../runner/execute';
import { corpus, stepCount } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table, whole } from '../format';
import { cpuRate, rate, sideBySide, timeFor } from '../repeat';
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

/**
 * Asks for a snapshot after every step and checks nothing: what the snapshots cost on their own, so
 * the rest of the checked figure is the invariants. A measuring device, not part of the catalogue.
 */
const SNAPSHOTS_ONLY: Invariant = {
  name: 'snapshots-only',
  statement: 'nothing (the bench takes the snapshots an invariant would get)',
  source: 'bench',
  needs: ['snapshot'],
  start: () => ({ check: () => null }),
};

/** The runner's loop with the given invariants (none: no snapshots are taken). */
function executeAll(ils: readonly Interleaving[], invariants: readonly Invariant[]): () => number {
  const oracle = createOracle();
  return () => ils.reduce((n, il) => n + executeSync(oracle, il, { invariants }).executed, 0);
}

function mapValues<K extends string, A, B>(r: Record<K, A>, f: (a: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v as A)])) as Record<K, B>;
}

/** Figure 1: oracle steps per second on random interleavings, without and with every invariant. */
export function oracleThroughput(b: Budget): FigureResult {
  const ils = corpus(b.seed, b.quick ? 50 : 300);
  const passes = sideBySide(b.rounds, {
    bare: () => timeFor(b.passSeconds, applyAll(ils, true)),
    noTrace: () => timeFor(b.passSeconds, applyAll(ils, false)),
    runner: () => timeFor(b.passSeconds, executeAll(ils, [])),
    snapshots: () => timeFor(b.passSeconds, executeAll(ils, [SNAPSHOTS_ONLY])),
    checked: () => timeFor(b.passSeconds, executeAll(ils, INVARIANTS)),
  });
  const rates = mapValues(passes, (ps) => ps.map(rate));
  const cpu = mapValues(passes, (ps) => ps.map(cpuRate));
  const bare = summarize(rates.bare);
  const checked = summarize(rates.checked);
  const ratio = summarize(ratios(rates.checked, rates.bare));
  /** CPU µs per step of a mode beyond another (medians of CPU-second rates). */
  const extra = (more: keyof typeof cpu, less: keyof typeof cpu) => fixed(1e6 / summarize(cpu[more]).median - 1e6 / summarize(cpu[less]).median, 2);
  const body = [
    `${ils.length} interleavings generated with the run seeds of \`reapcheck run --seed ${b.seed}\` (${stepCount(ils)} steps, ` +
      `up to 60 steps each), replayed over and over; ${b.rounds} rounds, each contender once per round, ≥ ${b.passSeconds} s per pass.`,
    '',
    table(['mode', 'steps/s (wall), median (min–max)', 'steps per CPU second, median (min–max)', 'vs bare apply (wall)'], [
      ['bare `apply` (trace and md recorded, as the runner gets them)', spread(bare), spread(summarize(cpu.bare)), '1.00'],
      ['bare `apply`, trace off', spread(summarize(rates.noTrace)), spread(summarize(cpu.noTrace)), fixed(summarize(ratios(rates.noTrace, rates.bare)).median)],
      ['`executeSync`, no invariants (no snapshots)', spread(summarize(rates.runner)), spread(summarize(cpu.runner)), fixed(summarize(ratios(rates.runner, rates.bare)).median)],
      ['`executeSync`, a snapshot per step and no invariant', spread(summarize(rates.snapshots)), spread(summarize(cpu.snapshots)), fixed(summarize(ratios(rates.snapshots, rates.bare)).median, 3)],
      [`\`executeSync\`, all ${INVARIANTS.length} invariants (snapshot per step)`, spread(checked), spread(summarize(cpu.checked)), `${fixed(ratio.median, 3)} (${fixed(ratio.min, 3)}–${fixed(ratio.max, 3)})`],
    ]),
    '',
    `Per step, in CPU µs: the oracle ${fixed(1e6 / summarize(cpu.bare).median, 2)}, the runner's own loop ${extra('runner', 'bare')} ` +
      `(a synchronous target runs the whole loop in one generator resumption), the snapshots ${extra('snapshots', 'runner')} ` +
      `(only the processes, groups and sessions a step changed get a new view), the ${INVARIANTS.length} invariants ${extra('checked', 'snapshots')} ` +
      '(over one shared index per snapshot; see Hot spots).',
    '',
    'Steps per CPU second count only the time this process was on a CPU: on a machine shared with other work it is the closer ' +
      'estimate of an idle machine; the targets are judged on wall-clock steps/s.',
  ].join('\n');
  return {
    title: 'Oracle throughput',
    body,
    targets: [
      {
        target: `oracle ≥ ${whole(TARGET_BARE)} steps/s without checks`,
        measured: `${whole(bare.median)} steps/s (${whole(summarize(cpu.bare).median)} per CPU second)`,
        ok: bare.median >= TARGET_BARE,
        note: `${fixed(TARGET_BARE / bare.median, 1)}× short on the wall clock (${fixed(TARGET_BARE / summarize(cpu.bare).median, 1)}× per CPU second, so not only the shared machine). ` +
          'Each step allocates a fresh StepResult with observation, log, trace and md arrays; ' +
          'the profile (Hot spots) shows the garbage collector first, then `Kernel.dispatch` (a linear `unsupportedCalls.includes` per step), `reapZombie`, `fork1`/`newChild` and `Sigacts` construction. ' +
          'Closing it is oracle/ work: reuse per-step arrays, a Set (or a per-profile dispatch table) for unsupported calls, copy-on-write sigacts at fork.',
      },
      {
        target: `oracle ≥ ${whole(TARGET_CHECKED)} steps/s with all invariants`,
        measured: `${whole(checked.median)} steps/s (${whole(summarize(cpu.checked).median)} per CPU second)`,
        ok: checked.median >= TARGET_CHECKED,
        note: `${fixed(TARGET_CHECKED / checked.median, 1)}× short. Done: snapshots share every unchanged (frozen) view with the previous one ` +
          'and an unchanged table is the previous snapshot itself (oracle/snapshot); the invariants share one lazily built index per snapshot ' +
          '(properties/invariants/lib/table-index.ts), the seven that read only the table are judged once per snapshot, and a synchronous target ' +
          'runs the runner\'s loop without a generator resumption per call. No WeakMap keyed by snapshot or kernel on the hot path: one entry ' +
          'per snapshot cost the garbage collector more than all the index building (two-entry caches instead). What is left is spread thin (Hot spots): each snapshot still reads ' +
          'every process to find what changed, the seven table checks rerun in full whenever anything changed (about 70% of steps), nine ' +
          'invariants each keep their own step history and wait-report scan, and garbage collection. What would close it: the kernel marking ' +
          'the processes a step touched (oracle/kernel, so the snapshot reads only those), table checks restated per touched process, and one ' +
          'step history shared by a run\'s invariants (an optional field of CheckContext).',
      },
    ],
  };
}

