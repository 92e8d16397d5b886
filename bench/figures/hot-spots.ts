import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Budget, FigureResult } from '../figure';
import { fixed, table } from '../format';
import { hotSpots, type CpuProfile } from '../profile/cpuprofile';
import { WORKLOADS, type Workload } from '../profile/workload';
import { REPO_ROOT } from '../repo-root';

const WHAT: Record<Workload, string> = {
  bare: 'oracle `apply` only',
  execute: '`executeSync` without invariants',
  checked: '`executeSync` with every invariant',
  runner: '`runCampaign`, differential only (generation included)',
};

/** Profiles one workload in a child process (a fresh heap and JIT, nothing else loaded). */
function profile(mode: Workload, seed: number, seconds: number): CpuProfile {
  const dir = mkdtempSync(join(tmpdir(), 'reapcheck-prof-'));
  const file = join(dir, `${mode}.cpuprofile`);
  try {
    execFileSync(process.execPath, [join(__dirname, '..', 'profile', 'workload.js'), mode, String(seed), String(seconds), file], { stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hot spots: where the oracle and the runner spend their time (self time, top functions), for the owners. */
export function hotSpotsFigure(b: Budget): FigureResult {
  const seconds = b.quick ? 1 : 4;
  const parts = WORKLOADS.map((mode) => {
    const spots = hotSpots(profile(mode, b.seed, seconds), REPO_ROOT, 10);
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
