/**
 * A workload to profile, run as its own process:
 *   node dist/bench/profile/workload.js bare|execute|checked|runner|baseline SEED SECONDS OUT.cpuprofile
 * bare: oracle apply only; execute: executeSync without invariants; checked: executeSync with every
 * invariant; runner: runCampaign
 * (differential, generation included); baseline: the fc.commands + fc.modelRun test (bench/baseline/). The profiler starts after the corpus is generated, so
 * only the measured loop is in the profile.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { withDefaults } from '../../interleaving';
import { createOracle } from '../../oracle';
import { INVARIANTS } from '../../properties/invariants';
import { executeSync } from '../../runner/execute';
import { runBaseline } from '../baseline/property';
import { corpus, MAX_STEPS } from '../corpus';
import { campaignRate } from '../ours';
import { secondsSince } from '../stats';

export const WORKLOADS = ['bare', 'execute', 'checked', 'runner', 'baseline'] as const;

/** The workloads that generate their interleavings as they go (the others replay a corpus). */
const GENERATING: readonly Workload[] = ['runner', 'baseline'];
export type Workload = (typeof WORKLOADS)[number];

/** Posts an inspector command and resolves with its result. */
function post<T>(session: Session, method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result as T))));
}

async function run(mode: Workload, seed: number, seconds: number, out: string): Promise<void> {
  const generating = GENERATING.includes(mode);
  const ils = generating ? [] : corpus(seed, 100);
  const oracle = createOracle();
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.start');
  const start = process.hrtime.bigint();
  if (mode === 'runner') {
    for (let r = 0; secondsSince(start) < seconds; r++) await campaignRate(createOracle(), [], seed + r, 20);
  }
  if (mode === 'baseline') {
    for (let r = 0; secondsSince(start) < seconds; r++) runBaseline({ target: createOracle(), seed: seed + r, numRuns: 20, maxCommands: MAX_STEPS });
  }
  while (!generating && secondsSince(start) < seconds) {
    for (const il of ils) {
      if (mode === 'checked' || mode === 'execute') {
        executeSync(oracle, il, { invariants: mode === 'checked' ? INVARIANTS : [] });
      } else {
        oracle.reset(withDefaults(il.config));
        for (const s of il.steps) oracle.apply(s);
      }
    }
  }
  const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  session.disconnect();
}

if (require.main === module) {
  const [mode, seed, seconds, out] = process.argv.slice(2);
  if (!(WORKLOADS as readonly string[]).includes(mode) || out === undefined) {
    process.stderr.write(`usage: workload ${WORKLOADS.join('|')} SEED SECONDS OUT.cpuprofile (got ${JSON.stringify(process.argv.slice(2))})\n`);
    process.exit(2);
  }
  run(mode as Workload, Number(seed), Number(seconds), out).then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`workload: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
