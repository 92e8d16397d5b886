/**
 * `npm run bench` (after `npm run build`): measures the oracle, the runner against an idiomatic
 * fast-check baseline, finding and shrinking every mutant, the line protocol, the host kernel, and
 * reads the last mutation score, then writes BENCHMARKS.md. `--quick` is a smoke run; `--only a,b`
 * re-measures some figures and keeps the others from the last run (reports/bench/).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Budget, FigureResult } from './figure';
import { findAndShrinkFigure } from './figures/find-and-shrink';
import { hostKernel } from './figures/host-kernel';
import { hotSpotsFigure } from './figures/hot-spots';
import { lineProtocol } from './figures/line-protocol';
import { mutationScore } from './figures/mutation-score';
import { oracleMemory } from './figures/oracle-memory';
import { oracleThroughput } from './figures/oracle-throughput';
import { runnerVsBaseline } from './figures/runner-vs-baseline';
import { describeMachine, loadAverage } from './machine';
import { parseOptions } from './options';
import { renderReport, type Section } from './report';
import { SectionStore } from './sections';
import { secondsSince } from './stats';

/** The figures in report order, by the key `--only` takes. */
const FIGURES: Record<string, (b: Budget) => FigureResult | Promise<FigureResult>> = {
  oracle: oracleThroughput,
  memory: oracleMemory,
  runner: runnerVsBaseline,
  mutants: findAndShrinkFigure,
  protocol: lineProtocol,
  host: hostKernel,
  mutation: mutationScore,
  profiles: hotSpotsFigure,
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseOptions(argv, Object.keys(FIGURES));
  const machine = describeMachine();
  const command = ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' ');
  const store = new SectionStore(resolve(o.quick ? join('reports', 'bench-quick') : join('reports', 'bench')));
  const sections: Section[] = [];
  for (const [key, figure] of Object.entries(FIGURES)) {
    if (o.only && !o.only.includes(key)) {
      const kept = store.load(key);
      if (kept) sections.push(kept);
      continue;
    }
    process.stderr.write(`bench: ${key}…\n`);
    const loadBefore = loadAverage();
    const date = new Date().toISOString();
    const start = process.hrtime.bigint();
    const result = await figure(o);
    const section: Section = { result, date, command, loadBefore, loadAfter: loadAverage(), seconds: secondsSince(start) };
    store.save(key, section);
    sections.push(section);
  }
  const out = resolve(o.out);
  writeFileSync(out, renderReport(machine, command, sections));
  process.stderr.write(`bench: wrote ${o.out}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
