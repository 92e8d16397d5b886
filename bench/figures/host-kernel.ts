import { execFileSync } from 'node:child_process';
import { createHostImplementation, FORKLOOP_BINARY, hostAvailability } from '../../adapters/host/target';
import { withDefaults, type Interleaving, type Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { linuxInterleavingSource } from '../../properties/divergences/linux-interleavings';
import { execute } from '../../runner/execute';
import { MAX_STEPS } from '../corpus';
import type { Budget, FigureResult } from '../figure';
import { fixed, spread, table } from '../format';
import { timeForAsync } from '../repeat';
import { ratios, summarize } from '../stats';

const TARGET_SHARE = 1 / 5;
/** Generated interleavings in the second contender (runs 0.. of the bench seed). */
const GENERATED = 40;

/** One pass of the plain C loop: fork + _exit + waitpid round trips per second. */
function forkLoopRate(seconds: number): number {
  const out = execFileSync(FORKLOOP_BINARY, [String(seconds)], { encoding: 'utf8' });
  return (JSON.parse(out) as { perSecond: number }).perSecond;
}

/**
 * The C loop's work as an interleaving: init forks, the child exits, init reaps it, again and again
 * (`MAX_STEPS` steps). The pids are the ones the oracle's linux profile hands out.
 */
export function forkExitWaitRounds(): Interleaving {
  const config = withDefaults({ profile: 'linux' });
  const oracle = createOracle({ trace: false });
  oracle.reset(config);
  const steps: Step[] = [];
  const take = (s: Step) => {
    steps.push(s);
    return oracle.apply(s).observations[0];
  };
  while (steps.length + 3 <= MAX_STEPS) {
    const child = take({ pid: 1, call: 'fork' }).ret!;
    take({ pid: child, call: 'exit', code: 0 });
    take({ pid: 1, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'null' });
  }
  return { config, steps };
}

/** Figure 5: host steps per second (the C harness over the line protocol) beside a plain fork+exit+wait loop. */
export async function hostKernel(b: Budget): Promise<FigureResult> {
  const title = 'Real kernel (host)';
  const available = hostAvailability();
  if (!available.ok) return { title, body: `Skipped: the host is unavailable here (${available.why}).`, targets: [] };
  const host = await createHostImplementation();
  const rounds = [forkExitWaitRounds()];
  const source = linuxInterleavingSource(b.seed, MAX_STEPS);
  const generated = Array.from({ length: b.quick ? GENERATED / 4 : GENERATED }, (_, run) => source(run));
  const hostRates: number[] = [];
  const generatedRates: number[] = [];
  const loopRates: number[] = [];
  let rejected = 0;
  /** Replays `ils` on the host for a pass; steps per second. */
  const pass = async (ils: readonly Interleaving[]) => {
    const p = await timeForAsync(b.passSeconds, async () => {
      let steps = 0;
      for (const il of ils) {
        const out = await execute(host, il);
        steps += out.executed;
        if (out.rejectedAt !== null || out.failure) rejected++;
      }
      return steps;
    });
    return p.work / p.seconds;
  };
  try {
    for (let r = 0; r < b.rounds; r++) {
      // The order alternates, so neither side always runs on the machine the other left behind.
      if (r % 2 === 0) {
        hostRates.push(await pass(rounds));
        loopRates.push(forkLoopRate(b.passSeconds));
        generatedRates.push(await pass(generated));
      } else {
        generatedRates.push(await pass(generated));
        loopRates.push(forkLoopRate(b.passSeconds));
        hostRates.push(await pass(rounds));
      }
    }
  } finally {
    await host.close?.();
  }
  const share = summarize(ratios(hostRates, loopRates));
  const generatedShare = summarize(ratios(generatedRates, loopRates));
  const generatedSteps = generated.reduce((n, il) => n + il.steps.length, 0);
  const body = [
    `An interleaving of ${MAX_STEPS / 3} fork / exit / wait4 rounds (${MAX_STEPS} steps, linux profile) replayed on this machine's kernel through the C harness ` +
      `(one pid namespace per replay, its set-up included), beside adapters/host/build/bench-forkloop (fork, _exit, waitpid in a loop), ${b.rounds} rounds side by side, ` +
      `≥ ${b.passSeconds} s per pass. The target is read on this like-for-like workload. Beside it, in the same rounds, ${generated.length} generated interleavings (${generatedSteps} steps, ` +
      `runs 0–${generated.length - 1} of \`reapcheck run --impl host --seed ${b.seed}\`, cut at the races the host cannot order) replayed the same way, without generation or the oracle: ` +
      'their steps include signals, stops, traces and sleeping waits, and each replay pays for its own namespace over fewer steps. ' +
      `${rejected} replays stopped early (a rejected step, a failure or a broken harness); their executed steps count.`,
    '',
    table(['', 'per second'], [
      ['host steps (harness, line protocol)', spread(summarize(hostRates))],
      ['plain C fork+exit+wait round trips', spread(summarize(loopRates))],
      ['**ratio host steps / C round trips**', `${fixed(share.median, 3)} (${fixed(share.min, 3)}–${fixed(share.max, 3)})`],
      ['host steps on generated interleavings', spread(summarize(generatedRates))],
      ['ratio generated host steps / C round trips', `${fixed(generatedShare.median, 3)} (${fixed(generatedShare.min, 3)}–${fixed(generatedShare.max, 3)})`],
    ]),
  ].join('\n');
  return {
    title,
    body,
    targets: [{
      target: 'host steps ≥ 1/5 of the plain C round-trip rate',
      measured: `${fixed(share.median, 3)} (target ${fixed(TARGET_SHARE, 3)})`,
      ok: share.median >= TARGET_SHARE,
      note: `${fixed(TARGET_SHARE / share.median, 1)}× short. A host step is a JSON request over a pipe to the harness, a puppet process acting, then ` +
        'the harness polling /proc with a back-off until every puppet is quiet and one confirming sweep 20 µs later (docs/host-harness.md, the quiescence ' +
        'rule), and every replay pays for a fresh pid namespace; the C loop is one fork/_exit/waitpid with nothing to observe. Under load most of a step is ' +
        'waiting for the puppets and the client to get a CPU. What would close it: one namespace kept across replays where the interleaving allows ' +
        '(adapters/host/src/namespace.c), and fewer process wake-ups per step.',
    }],
  };
}
