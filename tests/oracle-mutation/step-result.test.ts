import { boot, exit, wait4 } from '../oracle/driver';

/** The shape of a step's result (interleaving/observation.ts StepResult): what is there, and in what order. */
describe('a step result', () => {
  test('without tracing there is no trace field at all; with it, the trace is there even when empty', () => {
    const off = boot({}, { trace: false });
    expect(Object.keys(off.step({ pid: 1, call: 'getppid' })).sort()).toEqual(['log', 'md', 'observations']);
    const on = boot();
    expect(on.step({ pid: 1, call: 'getppid' })).toMatchObject({ trace: [] });
  });

  test('semantics.md §9.2: on FreeBSD a call that SIGKILLs its own caller still returns (the model\'s convention)', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.step({ pid: c, call: 'kill', target: c, sig: 'SIGKILL' }).observations[0]).toEqual({ step: 1, pid: c, call: 'kill', kind: 'return', ret: 0 });
  });

  test('the caller\'s own observation comes first, then the sleepers it completed; panic only once init died', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(wait4(1, c)); // step 1: init sleeps
    const r = d.step(exit(c, 2));
    expect(r.observations.map((o) => [o.pid, o.kind])).toEqual([[c, 'noreturn'], [1, 'return']]);
    expect('panic' in r).toBe(false);
    expect(d.step(exit(1, 3)).panic).toBe('init died (signal 0, exit 3)\nGoing nowhere without my init!'); // kern_exit.c:124-128: WTERMSIG, WEXITSTATUS
  });
});
