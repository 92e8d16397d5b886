import { withDefaults, type Implementation, type Interleaving } from '../../interleaving';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import type { CheckMode, Invariant } from '../../runner/check';
import { DEFAULT_CHECK_MODE } from '../../runner/check-mode';
import { executeSync } from '../../runner/execute';
import { corpus, stepCount } from '../corpus';
import { heapUsed } from '../gc';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table, whole } from '../format';
import { cpuRate, rate, sideBySide, timeFor } from '../repeat';
import { median, ratios, summarize } from '../stats';
import { RecordedTarget } from './recorded-target';
import { wideTable } from './wide-table';

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

/**
 * As many invariants as the catalogue has, each reading one field of the snapshot and holding: what
 * the runner's calling and tallying of the invariants costs, apart from what the checks themselves read.
 */
const EMPTY_CHECKS: readonly Invariant[] = INVARIANTS.map((inv) => ({
  name: `empty-${inv.name}`,
  statement: 'nothing (the bench measures the cost of calling a check)',
  source: 'bench',
  needs: ['snapshot'],
  start: () => ({ check: (ctx) => (ctx.after!.procs.length < 0 ? 'never' : null) }),
}));

/** The runner's loop with the given invariants (none: no snapshots are taken), judged in `checkMode`, on the oracle or `target`. */
function executeAll(ils: readonly Interleaving[], invariants: readonly Invariant[], checkMode: CheckMode = 'incremental', target: Implementation = createOracle()): () => number {
  return () => ils.reduce((n, il) => n + executeSync(target, il, { invariants, checkMode }).executed, 0);
}

/** The recorded target's rows, with a bare-apply series beside them, and the heap its recording holds; the recording is garbage once they are done. */
function recordedPasses(b: Budget, ils: readonly Interleaving[]) {
  const before = heapUsed();
  const recorded = new RecordedTarget(ils);
  const recordingBytes = heapUsed() - before;
  const passes = sideBySide(b.rounds, {
    recordedBare: () => timeFor(b.passSeconds, applyAll(ils, true)),
    recordedSnapshots: () => timeFor(b.passSeconds, executeAll(ils, [SNAPSHOTS_ONLY], 'full', recorded)),
    recordedChecked: () => timeFor(b.passSeconds, executeAll(ils, INVARIANTS, 'full', recorded)),
  });
  return { passes, recordingBytes };
}

/** Children of init in the wide-table contenders. */
const WIDE = 300;

function mapValues<K extends string, A, B>(r: Record<K, A>, f: (a: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v as A)])) as Record<K, B>;
}

/** Figure 1: oracle steps per second on random interleavings, without and with every invariant. */
export function oracleThroughput(b: Budget): FigureResult {
  const ils = corpus(b.seed, b.quick ? 50 : 300);
  const wide = wideTable(b.quick ? WIDE / 3 : WIDE);
  const oracleRows = sideBySide(b.rounds, {
    bare: () => timeFor(b.passSeconds, applyAll(ils, true)),
    noTrace: () => timeFor(b.passSeconds, applyAll(ils, false)),
    runner: () => timeFor(b.passSeconds, executeAll(ils, [])),
    snapshots: () => timeFor(b.passSeconds, executeAll(ils, [SNAPSHOTS_ONLY])),
    emptyChecks: () => timeFor(b.passSeconds, executeAll(ils, EMPTY_CHECKS, 'full')),
    checked: () => timeFor(b.passSeconds, executeAll(ils, INVARIANTS)),
    checkedFull: () => timeFor(b.passSeconds, executeAll(ils, INVARIANTS, 'full')),
  });
  // The recording holds every result and snapshot of the corpus: alive beside the rows above it, it would
  // lengthen the collector's passes under them, which a user's run does not pay. So it is made after
  // them, with its own bare-apply series to be measured against, and let go.
  const { passes: recordedRows, recordingBytes } = recordedPasses(b, ils);
  const passes = { ...oracleRows, ...recordedRows };
  // After the corpus, so its figures are not taken on code the JIT also tuned for a wide table.
  const widePasses = sideBySide(b.rounds, {
    wideSnapshots: () => timeFor(b.passSeconds, executeAll([wide], [SNAPSHOTS_ONLY])),
    wideChecked: () => timeFor(b.passSeconds, executeAll([wide], INVARIANTS)),
    wideFull: () => timeFor(b.passSeconds, executeAll([wide], INVARIANTS, 'full')),
  });
  const rates = mapValues(passes, (ps) => ps.map(rate));
  const cpu = { ...mapValues(passes, (ps) => ps.map(cpuRate)), ...mapValues(widePasses, (ps) => ps.map(cpuRate)) };
  const bare = summarize(rates.bare);
  /** The target is judged in the mode runs use by default. */
  const defaultKey = DEFAULT_CHECK_MODE === 'full' ? 'checkedFull' : 'checked';
  const checked = summarize(rates[defaultKey]);
  /** The checks alone: the oracle and its snapshots replaced by a recording. */
  const ceiling = summarize(rates.recordedChecked);
  const ratio = summarize(ratios(rates[defaultKey], rates.bare));
  const isDefault = (mode: CheckMode) => (mode === DEFAULT_CHECK_MODE ? ' (the default)' : '');
  /** CPU µs per step of a mode (median of its CPU-second rates). */
  const perStep = (r: number[]) => 1e6 / summarize(r).median;
  /**
   * CPU µs per step of a mode beyond another: the median of the rounds' differences (each round's two
   * passes ran side by side), so one slow pass moves it less than a difference of two medians would.
   */
  const extra = (more: keyof typeof cpu, less: keyof typeof cpu) => {
    const d = median(cpu[more].map((r, i) => 1e6 / r - 1e6 / cpu[less][i]));
    return d > 0 ? fixed(d, 2) : `${fixed(d, 2)} (within the noise of the two passes)`;
  };
  /** CPU ns per invariant per step on the oracle, the default mode beyond the snapshot-only row. */
  const checksNs = (1e3 * (1e6 / summarize(cpu.checkedFull).median - 1e6 / summarize(cpu.snapshots).median)) / INVARIANTS.length;
  const body = [
    `${ils.length} interleavings generated with the run seeds of \`reapcheck run --seed ${b.seed}\` (${stepCount(ils)} steps, ` +
      `up to 60 steps each), replayed over and over; ${b.rounds} rounds, each contender once per round, ≥ ${b.passSeconds} s per pass.`,
    '',
    table(['mode', 'steps/s (wall), median (min–max)', 'steps per CPU second, median (min–max)', 'vs bare apply (wall)'], [
      ['bare `apply` (trace and md recorded, as the runner gets them)', spread(bare), spread(summarize(cpu.bare)), '1.00'],
      ['bare `apply`, trace off', spread(summarize(rates.noTrace)), spread(summarize(cpu.noTrace)), fixed(summarize(ratios(rates.noTrace, rates.bare)).median)],
      ['`executeSync`, no invariants (no snapshots)', spread(summarize(rates.runner)), spread(summarize(cpu.runner)), fixed(summarize(ratios(rates.runner, rates.bare)).median)],
      ['`executeSync`, a snapshot per step and no invariant', spread(summarize(rates.snapshots)), spread(summarize(cpu.snapshots)), fixed(summarize(ratios(rates.snapshots, rates.bare)).median, 3)],
      [`\`executeSync\`, ${INVARIANTS.length} empty checks (each reads one field of the snapshot and holds)`, spread(summarize(rates.emptyChecks)), spread(summarize(cpu.emptyChecks)), fixed(summarize(ratios(rates.emptyChecks, rates.bare)).median, 3)],
      [`\`executeSync\`, all ${INVARIANTS.length} invariants (snapshot per step), \`checkMode: 'incremental'\`${isDefault('incremental')}`, spread(summarize(rates.checked)), spread(summarize(cpu.checked)), fixed(summarize(ratios(rates.checked, rates.bare)).median, 3)],
      [`\`executeSync\`, all ${INVARIANTS.length} invariants, \`checkMode: 'full'\`${isDefault('full')}`, spread(summarize(rates.checkedFull)), spread(summarize(cpu.checkedFull)), fixed(summarize(ratios(rates.checkedFull, rates.bare)).median, 3)],
      ['a recorded target (the oracle\'s results and snapshots, replayed), a snapshot per step and no invariant', spread(summarize(rates.recordedSnapshots)), spread(summarize(cpu.recordedSnapshots)), fixed(summarize(ratios(rates.recordedSnapshots, rates.recordedBare)).median, 3)],
      [`a recorded target, all ${INVARIANTS.length} invariants, full`, spread(summarize(rates.recordedChecked)), spread(summarize(cpu.recordedChecked)), fixed(summarize(ratios(rates.recordedChecked, rates.recordedBare)).median, 3)],
    ]),
    '',
    'The recorded target (bench/figures/recorded-target.ts) answers each step and snapshot with what the oracle gave, so its rows cost the runner\'s loop and the checks ' +
      `alone: with the oracle and its snapshots free, all ${INVARIANTS.length} invariants run at ${whole(ceiling.median)} steps/s. ` +
      `Its rows are measured after the others, against a bare-apply series of their own: the recording keeps every result and snapshot of the corpus (${fixed(recordingBytes / 2 ** 20, 1)} MiB of heap after a full collection, views shared between snapshots), ` +
      'which would lengthen the collector\'s passes under the oracle rows; its own rows pay for it, so their figures are a lower bound on what the checks alone allow.',
    '',
    `The wide table (bench/figures/wide-table.ts: init forks ${wide.steps.length / 4} children, then each runs, exits and is reaped; ${wide.steps.length} steps, ` +
      'one or two processes changed per step in a table of up to that many), per step in CPU µs:',
    '',
    table(['mode', 'µs per step (CPU), median', 'invariants alone (beyond the snapshots)'], [
      ['a snapshot per step and no invariant', fixed(perStep(cpu.wideSnapshots), 1), '—'],
      [`all ${INVARIANTS.length} invariants, incremental`, fixed(perStep(cpu.wideChecked), 1), fixed(perStep(cpu.wideChecked) - perStep(cpu.wideSnapshots), 1)],
      [`all ${INVARIANTS.length} invariants, full`, fixed(perStep(cpu.wideFull), 1), fixed(perStep(cpu.wideFull) - perStep(cpu.wideSnapshots), 1)],
    ]),
    '',
    `Per step, in CPU µs: the oracle ${fixed(1e6 / summarize(cpu.bare).median, 2)}, the runner's own loop ${extra('runner', 'bare')} ` +
      `(a synchronous target runs the whole loop in one generator resumption), the snapshots ${extra('snapshots', 'runner')} ` +
      `(only the processes, groups and sessions a step changed get a new view), the ${INVARIANTS.length} invariants ${extra('checked', 'snapshots')} ` +
      `incremental, ${extra('checkedFull', 'snapshots')} full (see Hot spots).`,
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
        measured: `${whole(checked.median)} steps/s (${whole(summarize(cpu[defaultKey]).median)} per CPU second; ${DEFAULT_CHECK_MODE} checking, the default; ${fixed(ratio.median, 3)} of bare apply)`,
        ok: checked.median >= TARGET_CHECKED,
        note: `${fixed(TARGET_CHECKED / checked.median, 1)}× short (${fixed(TARGET_CHECKED / summarize(cpu[defaultKey]).median, 1)}× per CPU second). ` +
          `Per step, in CPU µs: the oracle ${fixed(1e6 / summarize(cpu.bare).median, 2)}, the runner's loop ${extra('runner', 'bare')}, the snapshots ${extra('snapshots', 'runner')}, ` +
          `the ${INVARIANTS.length} checks ${extra('checkedFull', 'snapshots')} (${fixed(checksNs, 0)} ns per invariant), `  +
          `of which calling and tallying them is ${extra('emptyChecks', 'snapshots')} (${INVARIANTS.length} empty checks): the rest is what the checks read and test, `  +
          `against ${fixed(1e6 / TARGET_CHECKED, 2)} µs a 300k step may cost in all. With the oracle and its snapshots free (the recorded target) the checks run at ` +
          `${whole(ceiling.median)} steps/s, ${TARGET_CHECKED / ceiling.median > 1 ? `${fixed(TARGET_CHECKED / ceiling.median, 2)}× short by themselves` : 'within the target by themselves'} (a lower bound: that target holds its recording, ${fixed(recordingBytes / 2 ** 20, 1)} MiB). Each invariant is still its own pass (one concept per file): its own walk of a table of about ` +
          'five processes and its own reads of the step and its observations; what they share is worked out once per snapshot or per pair of ' +
          'snapshots (the pid index with each process\'s parent, the pids a step created and freed, the zombies, the wait reports), and the runner tallies them once per step. ' +
          'Incremental judging (`--check-mode incremental`: a step\'s change set found by comparing views by identity, table invariants judging only what changed and what reads it, ' +
          'by induction on the step before; the seven about one call\'s observation run only on steps that can involve them) ' +
          `costs ${extra('checked', 'snapshots')} µs per step against ${extra('checkedFull', 'snapshots')} full on these tables, where a changed process\'s neighbourhood is most of the table, ` +
          `and ${perStep(cpu.wideChecked) < perStep(cpu.wideFull) ? 'pays only on' : 'does not pay even on'} the wide table (${fixed(perStep(cpu.wideChecked) - perStep(cpu.wideSnapshots), 1)} against ${fixed(perStep(cpu.wideFull) - perStep(cpu.wideSnapshots), 1)} µs). ` +
          'What would close it: the 24 checks fused into one pass over the table per step, each verdict kept per shared view (an unchanged view with unchanged neighbours keeps it), ' +
          `and the kernel marking the objects a step touched, so that a snapshot (${extra('snapshots', 'runner')} µs now: the builder compares every field of every process with its ` +
          `last view, then freezes the ones it rebuilds) costs what changed. The oracle's own step (${fixed(1e6 / summarize(cpu.bare).median, 2)} µs) and the runner's loop ` +
          `(${extra('runner', 'bare')} µs) stay: ${fixed((1e6 / summarize(cpu.runner).median) / (1e6 / TARGET_CHECKED), 2)} of the budget before any snapshot or check.`,
      },
    ],
  };
}

