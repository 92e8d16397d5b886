import seedrandom from 'seedrandom';
import type { Sig, Step } from '../../interleaving';
import { describeHost, runSteps, withHost, type Outcome } from './host-suite';

/**
 * The quiescence rule makes the real kernel repeatable: the same interleaving gives the same
 * observations, step for step, in two separate harness processes. Interleavings here come from a
 * small seeded local generator (random callers and targets among pids that exist or existed).
 */

const SEED = 'reapcheck-host-determinism';
const INTERLEAVINGS = 8;
const STEPS = 25;
const SIGS: Sig[] = ['SIGSTOP', 'SIGCONT', 'SIGKILL', 'SIGTERM', 'SIGUSR1', 'SIGCHLD', 0];

function interleaving(rnd: () => number): Step[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const pids = [1];
  const steps: Step[] = [];
  for (let i = 0; i < STEPS; i++) {
    const pid = pick(pids);
    const target = pick([...pids, 0, -1]);
    const c = rnd();
    if (c < 0.2) {
      steps.push({ pid, call: 'fork' });
      pids.push(pids.length + 1);
    } else if (c < 0.3) steps.push({ pid, call: 'exit', code: Math.floor(rnd() * 4) });
    else if (c < 0.5) steps.push({ pid, call: 'wait4', wpid: pick([-1, 0, target]), options: pick([[], ['WNOHANG'], ['WUNTRACED'], ['WCONTINUED', 'WNOHANG']]), status: 'valid', rusage: 'valid' });
    else if (c < 0.7) steps.push({ pid, call: 'kill', target, sig: pick(SIGS) });
    else if (c < 0.8) steps.push({ pid, call: 'ptrace', req: pick(['PT_ATTACH', 'PT_CONTINUE', 'PT_DETACH', 'PT_TRACE_ME'] as const), target, data: 0 });
    else if (c < 0.9) steps.push({ pid, call: 'sigaction', sig: 'SIGCHLD', handler: pick(['SIG_DFL', 'SIG_IGN', 'catch'] as const), flags: [] });
    else steps.push({ pid, call: 'getppid' });
  }
  return steps;
}

/** rusage is left out: CPU time is compared with tolerances (W13), not for equality. */
function comparable(outcomes: Outcome[]): Outcome[] {
  return outcomes.map((o) => ('rejected' in o ? o : o.map(({ rusage: _rusage, ...rest }) => rest)));
}

describeHost('host harness: determinism', () => {
  jest.setTimeout(60000);

  it(`gives identical observations for ${INTERLEAVINGS} generated interleavings in two harness processes`, async () => {
    const rnd = seedrandom(SEED);
    const cases = Array.from({ length: INTERLEAVINGS }, () => interleaving(rnd));
    const runAll = () => withHost(async (impl) => {
      const all: Outcome[][] = [];
      for (const steps of cases) all.push(comparable(await runSteps(impl, steps)));
      return all;
    });
    const first = await runAll();
    const second = await runAll();
    expect(second).toEqual(first);
    // Not vacuous: the interleavings exercise sleeps, completions and exits.
    const observations = first.flat().filter((o): o is Exclude<Outcome, { rejected: string }> => !('rejected' in o)).flat();
    expect(observations.some((o) => o.kind === 'sleep')).toBe(true);
    expect(observations.some((o) => o.kind === 'noreturn')).toBe(true);
    expect(observations.some((o) => o.call === 'wait4' && o.ret !== undefined && o.ret > 0)).toBe(true);
  });
});
