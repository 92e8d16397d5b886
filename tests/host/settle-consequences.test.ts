import type { Observation, Step } from '../../interleaving';
import { describeHost, runSteps, withHost, type Outcome } from './host-suite';
import { attach, exit, fork, kill, wait4 } from './steps';

/**
 * The quiescence rule (docs/host-harness.md) ends a step only once every consequence of it is
 * complete, however quickly it polls: so a WNOHANG wait right after the step always sees the stop,
 * the exit or the continue it caused. Each scenario is replayed many times, with the back-off
 * capped at 40 µs and at the default 300 µs, and must give the same literal answer every
 * time: a stop, an exit, a kill and a continue, with a second thread or a tracer in some. A
 * harness that answers before the namespace is quiet fails them (checked once by hand against a
 * settle.c whose quiescence test always said yes). The stop of a process with a second thread is
 * left out: it is a known gap (docs/host-harness.md).
 */

const REPEATS = 12;
const thrNew = (pid: number): Step => ({ pid, call: 'thr_new' });
const nohang = (pid: number, wpid: number, more: Parameters<typeof wait4>[2] = []): Step => wait4(pid, wpid, ['WNOHANG', ...more]);

interface Scenario {
  name: string;
  steps: Step[];
  /** The last step's answer: the pid and status its wait4 reports. */
  reaped: { ret: number; status: number };
}

const SCENARIOS: Scenario[] = [
  { name: 'a stop signal', steps: [fork(1), kill(1, 2, 'SIGSTOP'), nohang(1, 2, ['WUNTRACED'])], reaped: { ret: 2, status: 0x137f } },
  { name: 'an exit', steps: [fork(1), exit(2, 5), nohang(1, 2)], reaped: { ret: 2, status: 0x500 } },
  { name: 'an exit of a two-thread process', steps: [fork(1), thrNew(2), exit(2, 5), nohang(1, 2)], reaped: { ret: 2, status: 0x500 } },
  { name: 'a SIGKILL from a sibling', steps: [fork(1), fork(1), kill(3, 2, 'SIGKILL'), nohang(1, 2)], reaped: { ret: 2, status: 9 } },
  { name: 'a ptrace attach stop, to the tracer', steps: [fork(1), fork(1), attach(3, 2), nohang(3, 2)], reaped: { ret: 2, status: 0x137f } },
  { name: 'a continue', steps: [fork(1), kill(1, 2, 'SIGSTOP'), nohang(1, 2, ['WUNTRACED']), kill(1, 2, 'SIGCONT'), nohang(1, 2, ['WCONTINUED'])], reaped: { ret: 2, status: 0xffff } },
];

/** The last step's wait4 answer, or why there is none. */
function lastAnswer(outcomes: Outcome[]): unknown {
  const last = outcomes[outcomes.length - 1];
  if ('rejected' in last) return last;
  const o: Observation = last[0];
  return { ret: o.ret, status: o.status };
}

describeHost('host harness: a step ends only when its consequences are complete', () => {
  jest.setTimeout(60000);

  // A fast cadence (it would catch a transient quiet look if the rule allowed one) and the default.
  for (const settleUs of ['40', '300']) {
    it(`lets a WNOHANG wait see every stop, exit and continue at once (${REPEATS} runs each, back-off cap ${settleUs} µs)`, async () => {
      const got = await withHost(async (impl) => {
        const answers: Record<string, unknown[]> = {};
        for (const s of SCENARIOS) {
          answers[s.name] = [];
          for (let r = 0; r < REPEATS; r++) answers[s.name].push(lastAnswer(await runSteps(impl, s.steps)));
        }
        return answers;
      }, { env: { REAPCHECK_HOST_SETTLE_US: settleUs } });
      expect(got).toEqual(Object.fromEntries(SCENARIOS.map((s) => [s.name, Array(REPEATS).fill(s.reaped)])));
    });
  }
});
