import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTANT_LIST, type Mutant } from '../../mutants';
import { INVARIANTS } from '../../properties/invariants';
import { runBaseline, type BaselineOutcome } from '../baseline/property';
import { MAX_STEPS } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, table } from '../format';
import { findAndShrink, type Found } from '../ours';
import { REPO_ROOT } from '../repo-root';
import { median } from '../stats';

const TARGET_MEDIAN_S = 0.2;
const TARGET_WORST_S = 5;
const TARGET_SHORTEST_SHARE = 0.95;
const TARGET_REPLAY_RATIO = 0.5;


/** The shortest known failing length of each mutant, from fixtures/mutants/*.json, by mutant name. */
export function shortestKnown(dir = join(REPO_ROOT, 'fixtures', 'mutants')): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const fx = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { steps: unknown[]; found?: { target?: string; minimalLength?: number } };
    const length = fx.found?.minimalLength ?? fx.steps.length;
    out.set(f.replace(/\.json$/, ''), length);
    if (fx.found?.target?.startsWith('mutant:')) out.set(fx.found.target.slice('mutant:'.length), length);
  }
  return out;
}

interface Row {
  mutant: Mutant;
  ours: Found;
  baseline: BaselineOutcome | null;
  shortest: number | undefined;
}

const s = (x: number | null) => (x === null ? '—' : fixed(x, 3));
const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));

/** Figure 3: for every mutant, time to the first failure, shrink replays, final length; ours and the baseline's. */
export async function findAndShrinkFigure(b: Budget): Promise<FigureResult> {
  const shortest = shortestKnown();
  const maxRuns = b.quick ? 500 : 2000;
  const rows: Row[] = [];
  for (const mutant of MUTANT_LIST) {
    const target = mutant.create();
    try {
      const ours = await findAndShrink(target, INVARIANTS, b.seed, maxRuns);
      const baseline = mutant.kind === 'kernel' ? runBaseline({ target: mutant.create(), seed: b.seed, numRuns: maxRuns, maxCommands: MAX_STEPS }) : null;
      rows.push({ mutant, ours, baseline, shortest: shortest.get(mutant.name) });
    } finally {
      await target.close?.();
    }
  }
  const found = rows.filter((r) => r.ours.found);
  const times = found.map((r) => r.ours.firstFailureSeconds!);
  const reachedShortest = found.filter((r) => r.shortest !== undefined && r.ours.finalLength! <= r.shortest);
  const withBoth = rows.filter((r) => r.ours.found && r.baseline?.failed);
  const replayRatios = withBoth.map((r) => r.ours.replays / Math.max(r.baseline!.shrinkReplays, 1));
  const baseFound = rows.filter((r) => r.baseline?.failed);
  const baseTimes = baseFound.map((r) => r.baseline!.firstFailureSeconds!);
  const baseShortest = baseFound.filter((r) => r.shortest !== undefined && r.baseline!.finalLength! <= r.shortest);

  const body = [
    `Every mutant of mutants/ (kernel mutants in process; protocol mutants are separate programs over the line protocol, ours only: ` +
      `\`fc.modelRun\` is synchronous). Ours: \`reapcheck run\`'s loop (differential against the oracle plus all ${INVARIANTS.length} invariants), ` +
      `seed ${b.seed}, up to ${maxRuns} interleavings, then its shrinker (budget 5,000 replays). Baseline: the fc.commands test of the ` +
      `previous section, seed ${b.seed}, numRuns ${maxRuns}, fast-check's own shrinking (no budget). Time to first failure includes generation; ` +
      `shortest = \`found.minimalLength\` of fixtures/mutants/NAME.json.`,
    '',
    table(
      ['mutant', 'ours: first failure (s)', 'runs', 'property', 'found at', 'replays', 'final', 'baseline: first failure (s)', 'runs', 'replays', 'final', 'shortest known'],
      rows.map((r) => [
        `\`${r.mutant.name}\``,
        s(r.ours.firstFailureSeconds), n(r.ours.runsToFailure), r.ours.property ?? '**not found**', n(r.ours.foundLength), String(r.ours.replays),
        n(r.ours.finalLength) + (r.ours.found && !r.ours.minimal ? ' (budget)' : ''),
        r.baseline ? s(r.baseline.firstFailureSeconds) : 'n/a', r.baseline ? n(r.baseline.runsToFailure) : '', r.baseline ? String(r.baseline.shrinkReplays) : '',
        r.baseline ? n(r.baseline.finalLength) : '', n(r.shortest),
      ]),
    ),
    '',
    table(['', 'found', 'first failure median (s)', 'worst (s)', 'replays median', 'worst', 'reached the shortest'], [
      ['reapcheck', `${found.length}/${rows.length}`, s(times.length ? median(times) : null), s(times.length ? Math.max(...times) : null),
        found.length ? fixed(median(found.map((r) => r.ours.replays)), 0) : '—', found.length ? String(Math.max(...found.map((r) => r.ours.replays))) : '—',
        `${reachedShortest.length}/${found.length}`],
      ['baseline', `${baseFound.length}/${rows.filter((r) => r.baseline).length}`, s(baseTimes.length ? median(baseTimes) : null), s(baseTimes.length ? Math.max(...baseTimes) : null),
        baseFound.length ? fixed(median(baseFound.map((r) => r.baseline!.shrinkReplays)), 0) : '—', baseFound.length ? String(Math.max(...baseFound.map((r) => r.baseline!.shrinkReplays))) : '—',
        `${baseShortest.length}/${baseFound.length}`],
    ]),
    '',
    `Replays ours / baseline, per mutant both found: median ${replayRatios.length ? fixed(median(replayRatios)) : '—'}, worst ${replayRatios.length ? fixed(Math.max(...replayRatios)) : '—'}.`,
  ].join('\n');

  const medianT = times.length ? median(times) : Infinity;
  const worstT = times.length ? Math.max(...times) : Infinity;
  const share = found.length ? reachedShortest.length / found.length : 0;
  const ratio = replayRatios.length ? median(replayRatios) : Infinity;
  return {
    title: 'Finding and shrinking the mutants',
    body,
    targets: [
      { target: 'every mutant found', measured: `${found.length}/${rows.length}`, ok: found.length === rows.length },
      { target: `median time to first failure ≤ ${TARGET_MEDIAN_S} s`, measured: `${fixed(medianT, 3)} s`, ok: medianT <= TARGET_MEDIAN_S },
      { target: `worst time to first failure ≤ ${TARGET_WORST_S} s`, measured: `${fixed(worstT, 3)} s`, ok: worstT <= TARGET_WORST_S },
      { target: `shrinker ≤ ${TARGET_REPLAY_RATIO}× the baseline's replays`, measured: `${fixed(ratio)}× (median over mutants)`, ok: ratio <= TARGET_REPLAY_RATIO },
      {
        target: `shortest reached for ≥ ${TARGET_SHORTEST_SHARE * 100}% of mutants`,
        measured: `${reachedShortest.length}/${found.length} (${fixed(100 * share, 0)}%)`,
        ok: share >= TARGET_SHORTEST_SHARE,
        note: (share >= TARGET_SHORTEST_SHARE ? '' : `${Math.ceil(TARGET_SHORTEST_SHARE * found.length) - reachedShortest.length} more mutant(s) needed; `) +
          'longer than the shortest: ' +
          (found.filter((r) => !reachedShortest.includes(r)).map((r) => `${r.mutant.name} (${r.ours.finalLength} vs ${r.shortest ?? '?'})`).join(', ') || 'none') +
          '. Each result is 1-minimal unless marked (budget): removing any one step, with the processes it created, no longer fails; and no ' +
          'deeper pass shortens it (runner/shrink.ts: fold a process into its creator, trade a step for another form and drop the step that ' +
          'then stands in the way, move a step and drop one). A shortest form the shrinker misses needs two or more rewrites before any step ' +
          'can go: it shows the bug through another mechanism than the found case does.',
      },
    ],
  };
}
