import type { Implementation, Interleaving, Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { exit, fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import { INVARIANTS_BY_NAME } from '../../properties/invariants';
import { executeSync } from '../../runner/execute';
import { deviant } from './deviant';

/**
 * On Linux PT_ATTACH does not reparent, and the real parent hears of a group stop from a record of
 * its own (linux.md R8, T4): exit-reports and stop-reported-once must take the tracer from the run's
 * ptrace calls and judge the parent's reports apart, found as false failures of long linux-profile runs.
 */
const invariants = ['exit-reports', 'stop-reported-once'].map((n) => INVARIANTS_BY_NAME.get(n)!);
const linux = (steps: Step[]): Interleaving => ({ config: { profile: 'linux' }, steps });
const failureOf = (steps: Step[], target: Implementation = createOracle()) => executeSync(target, linux(steps), { invariants }).failure;

/** 2 attaches its sibling 3 (children of init); 3 stops first on a SIGSTOP from init. */
const siblingTraced = [fork(1), fork(1), kill(1, 3, 'SIGSTOP'), ptrace(2, 'PT_ATTACH', 3)];

describe('linux: the tracer is not the parent', () => {
  test('the tracer reaps its traced zombie: an exit reported to the tracer (seed 1 run 2132, shrunk)', () => {
    expect(failureOf([fork(1), fork(1), ptrace(2, 'PT_ATTACH', 3), kill(1, 3, 'SIGKILL'), wait4(2, -1)])).toBeNull();
  });

  test('the tracer and then the parent each hear of the stop once (seed 1 run 6070, shrunk)', () => {
    expect(failureOf([...siblingTraced, wait4(2, -1), wait4(1, -1, ['WUNTRACED'])])).toBeNull();
  });

  test('the parent hears of the group stop after the tracer has gone, the child running (seed 6 run 29603, shrunk)', () => {
    expect(failureOf([...siblingTraced, ptrace(2, 'PT_CONTINUE', 3), ptrace(2, 'PT_CONTINUE', 3), exit(2, 0), wait4(1, 3, ['WUNTRACED'])])).toBeNull();
  });

  test('a second report of the same group stop to the parent still fails', () => {
    // The parent's second WUNTRACED wait is answered with the stop again instead of nothing.
    const again = deviant(createOracle(), {
      invariant: 'stop-reported-once',
      what: 'the group stop is reported to the parent twice',
      result: (step, r) => {
        if (step.call === 'wait4' && step.pid === 1 && r.observations[0].ret === 0) r.observations[0] = { step: r.observations[0].step, pid: 1, call: 'wait4', kind: 'return', ret: 3, status: 0x137f };
        return r;
      },
    });
    const f = failureOf([...siblingTraced, wait4(1, 3, ['WUNTRACED', 'WNOHANG']), wait4(1, 3, ['WUNTRACED', 'WNOHANG'])], again);
    expect(f).toMatchObject({ property: 'stop-reported-once', step: 5 });
  });

  test('an exit reported to a process that neither is the parent nor traces the child still fails', () => {
    // 4, a stranger, is told of 3's death.
    const stranger = deviant(createOracle(), {
      invariant: 'exit-reports',
      what: 'an exit is reported to a stranger',
      result: (step, r) => {
        if (step.call === 'wait4' && step.pid === 4) r.observations[0] = { step: r.observations[0].step, pid: 4, call: 'wait4', kind: 'return', ret: 3, status: 9 };
        return r;
      },
    });
    const f = failureOf([fork(1), fork(1), ptrace(2, 'PT_ATTACH', 3), fork(1), kill(1, 3, 'SIGKILL'), wait4(4, -1, ['WNOHANG'])], stranger);
    expect(f).toMatchObject({ property: 'exit-reports', step: 5 });
  });
});
