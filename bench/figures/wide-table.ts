import type { Interleaving, Step } from '../../interleaving';

/**
 * A wide table, unlike the corpus's handful of processes: init forks `children` children, then each
 * runs a tick, exits and is reaped by init's wait4(-1), one after another. Every step changes one
 * or two processes of a table of up to `children` + 1, so it shows what checking costs as the table
 * grows (incremental checking judges what changed, full checking the whole table).
 */
export function wideTable(children: number): Interleaving {
  const steps: Step[] = [];
  for (let k = 0; k < children; k++) steps.push({ pid: 1, call: 'fork' });
  for (let k = 0; k < children; k++) {
    const pid = 2 + k;
    steps.push({ pid, call: 'run', ticks: 1 }, { pid, call: 'exit', code: k & 0xff }, { pid: 1, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'valid' });
  }
  return { config: {}, steps };
}
