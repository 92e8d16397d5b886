import type { Budget, FigureResult } from '../figure';
import { fixed, table } from '../format';
import { hotSpots } from '../profile/cpuprofile';
import { profileWorkload } from '../profile/run-profile';
import { WORKLOADS, type Workload } from '../profile/workload';
import { REPO_ROOT } from '../repo-root';

const WHAT: Record<Workload, string> = {
  bare: 'oracle `apply` only',
  execute: '`executeSync` without invariants',
  checked: '`executeSync` with every invariant',
  runner: '`runCampaign`, differential only (generation included)',
  baseline: 'the fc.commands + fc.modelRun baseline (generation included)',
};

/** Hot spots: where the oracle and the runner spend their time (self time, top functions), for the owners. */
export function hotSpotsFigure(b: Budget): FigureResult {
  const seconds = b.quick ? 1 : 4;
  const parts = WORKLOADS.map((mode) => {
    const spots = hotSpots(profileWorkload(mode, b.seed, seconds), REPO_ROOT, 10);
    return [`### ${WHAT[mode]}`, '', table(['self %', 'function', 'where'], spots.map((s) => [fixed(s.selfPercent, 1), `\`${s.fn}\``, `\`${s.where}\``]))].join('\n');
  });
  const body = [
    `\`node dist/bench/profile/workload.js MODE ${b.seed} ${seconds} OUT\` for each mode (the V8 profiler over the timed loop only, ` +
      'after the corpus is generated); the ten functions with the most self time (samples on top of the stack), compiled JavaScript locations in dist/.',
    '',
    ...parts.flatMap((p) => [p, '']),
  ].join('\n');
  return { title: 'Hot spots (CPU profiles)', body, targets: [] };
}
