import { execFileSync } from 'node:child_process';
import type { Step } from '../../interleaving';
import { FORKLOOP_BINARY } from '../../adapters/host/target';
import { describeHost, runSteps, withHost } from './host-suite';
import { exit, fork, kill, wait4 } from './steps';

/**
 * Host steps per second beside the raw fork+exit+wait round trips per second of a plain C loop,
 * measured in the same run (issue 5, "Done when"). Printed, and checked for being real numbers.
 */

const ROUNDS = 40;
const WARM_UP: Step[] = [fork(1), exit(2, 0), wait4(1, 2)];

describeHost('host harness: throughput', () => {
  jest.setTimeout(30000);

  it('measures host steps per second and the fork-loop baseline', async () => {
    const steps: Step[] = [];
    // Rounds of fork, stop, report, kill, reap: the kind of step mix interleavings are made of.
    for (let i = 0; i < ROUNDS; i++) {
      const child = i + 2;
      steps.push(fork(1), kill(1, child, 'SIGSTOP'), wait4(1, child, ['WUNTRACED']), kill(1, child, 'SIGKILL'), wait4(1, child));
    }
    const { elapsed, outcomes } = await withHost(async (impl) => {
      await runSteps(impl, WARM_UP);
      const t0 = process.hrtime.bigint();
      const outcomes = await runSteps(impl, steps);
      return { elapsed: Number(process.hrtime.bigint() - t0) / 1e9, outcomes };
    });
    expect(outcomes.every((o) => !('rejected' in o))).toBe(true);
    const baseline = JSON.parse(execFileSync(FORKLOOP_BINARY, ['0.5'], { encoding: 'utf8' })) as { perSecond: number };
    const hostPerSecond = steps.length / elapsed;
    const line = `host: ${hostPerSecond.toFixed(0)} steps/s (${steps.length} steps, ${(elapsed * 1000).toFixed(0)} ms); plain C fork+exit+wait: ${baseline.perSecond} round trips/s`;
    console.log(line);
    expect(hostPerSecond).toBeGreaterThan(10);
    expect(baseline.perSecond).toBeGreaterThan(10);
  });
});
