import { withDefaults } from '../../interleaving';
import { createOracle, type Oracle } from '../../oracle';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table } from '../format';
import { heapUsed } from '../gc';
import { summarize } from '../stats';

/** An oracle whose init has forked `n` live children (trace off: nothing but the process table grows). */
function withLiveChildren(n: number): Oracle {
  const oracle = createOracle({ trace: false });
  oracle.reset(withDefaults({ maxproc: n + 10, nprocLimit: n + 10 }));
  for (let i = 0; i < n; i++) oracle.apply({ pid: 1, call: 'fork' });
  return oracle;
}

/** KiB of heap per 1,000 live processes: the heap with the oracle and its `n` children, minus the heap before it. */
function kibPer1000(n: number): number {
  const before = heapUsed();
  const oracle = withLiveChildren(n);
  const after = heapUsed();
  // Reading the table after the measurement keeps the oracle alive through it, and checks the forks took.
  const live = oracle.snapshot().nprocs;
  if (live !== n + 1) throw new Error(`oracle memory: expected ${n + 1} processes after ${n} forks, found ${live}`);
  return ((after - before) / 1024 / n) * 1000;
}

/** Figure 1b: oracle memory per 1,000 live processes. */
export function oracleMemory(b: Budget): FigureResult {
  const sizes = b.quick ? [1000] : [1000, 5000];
  const rows = sizes.map((n) => {
    const runs = Array.from({ length: b.rounds }, () => kibPer1000(n));
    return [`${n.toLocaleString('en-US')} children of init`, spread(summarize(runs), (x) => fixed(x, 0))];
  });
  const body = [
    `Heap used after a full GC with an oracle whose init forked N live children, minus the heap before it (the empty kernel is included, it is small beside N); ${b.rounds} runs per size. ` +
      'Each live process carries its proc, sigacts, rusage and list links (threads 1, no pending signals).',
    '',
    table(['live processes', 'KiB per 1,000 processes, median (min–max)'], rows),
  ].join('\n');
  return { title: 'Oracle memory', body, targets: [] };
}
