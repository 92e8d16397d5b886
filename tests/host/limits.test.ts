import { describeHost, runSteps, withHost } from './host-suite';
import { fork, run } from './steps';

/** The hard caps of containment: processes per interleaving and CPU time per step. */
describeHost('host harness: limits', () => {
  jest.setTimeout(20000);

  it('refuses a fork beyond the process cap, and a burn longer than half the step budget', async () => {
    const got = await withHost((impl) => runSteps(impl, [fork(1), fork(1), fork(1), run(1, 600)]), {
      timeoutMs: 1500, // the harness's step budget is then 1000 ms
      env: { REAPCHECK_HOST_MAX_PROCS: '3' },
    });
    expect(got).toEqual([
      [{ step: 0, pid: 1, call: 'fork', kind: 'return', ret: 2 }],
      [{ step: 1, pid: 1, call: 'fork', kind: 'return', ret: 3 }],
      { rejected: 'fork: unsupported: the harness caps an interleaving at 3 processes' },
      { rejected: 'run: unsupported: run 600 ticks of 1000 us exceeds half the step budget of 1000 ms' },
    ]);
  });
});
