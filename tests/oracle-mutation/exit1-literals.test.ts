import { boot, exit } from '../oracle/driver';

/** exit1 and abort2 details (kern_exit.c:95-537, 548-614), with literal expectations from the seed. */
describe('exit1 and abort2 details', () => {
  test('abort2 arguments of the wrong type are refused, naming the argument', () => {
    const d = boot();
    const c = d.fork(1);
    const abort2 = (patch: object) => () => d.step({ pid: c, call: 'abort2', why: 'x', nargs: 0, args: null, ...patch } as never);
    expect(abort2({ nargs: 1.5 })).toThrow('abort2: nargs must be a 32-bit integer, got 1.5');
    expect(abort2({ why: 7 })).toThrow('why must be a string or null');
    expect(abort2({ args: [1.5] })).toThrow('args must be null or a list of integers');
  });

  test('kern_exit.c:403-407: a zombie is off the pid hash: getpgid (pfind) on it fails with ESRCH', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(exit(c, 0));
    expect(d.own({ pid: 1, call: 'getpgid', target: c })).toMatchObject({ errno: 'ESRCH' });
  });
});
