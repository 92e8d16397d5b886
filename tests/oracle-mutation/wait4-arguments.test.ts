import { UNSPECIFIED } from '../../interleaving';
import { boot, exit, run, wait4 } from '../oracle/driver';

/** wait4's arguments and copyouts (kern_exit.c:637-652), with literal expectations from the seed. */
describe('wait4 arguments and copyouts', () => {
  test('wpid is a 32-bit int: both ends are taken, one past either end is refused, as is a fraction', () => {
    const d = boot();
    d.fork(1);
    expect(d.own(wait4(1, 0x7fffffff))).toMatchObject({ errno: 'ECHILD' }); // kern_exit.c:681-685: no such pid
    expect(d.own(wait4(1, -0x80000000))).toMatchObject({ errno: 'ECHILD' }); // group 2^31: no such group
    expect(() => d.step(wait4(1, 0x80000000))).toThrow('wait4: wpid must be a 32-bit integer, got 2147483648');
    expect(() => d.step(wait4(1, -0x80000001))).toThrow('wpid must be a 32-bit integer');
    expect(() => d.step(wait4(1, 1.5))).toThrow('wpid must be a 32-bit integer, got 1.5');
  });

  test('a malformed option list, option name, extra bits or pointer is refused, naming the field', () => {
    const d = boot();
    const bad = (patch: object) => () => d.step({ ...wait4(1, -1), ...patch } as never);
    expect(bad({ options: 'WNOHANG' })).toThrow('options must be a list of W* names');
    expect(bad({ options: ['WBOGUS'] })).toThrow('options: unknown option "WBOGUS"');
    expect(bad({ extraBits: 0.5 })).toThrow('extraBits must be a 32-bit unsigned integer');
    expect(bad({ status: 'bogus' })).toThrow('status must be valid, null or fault, got "bogus"');
    expect(bad({ rusage: 'bogus' })).toThrow('rusage must be valid, null or fault, got "bogus"');
  });

  test('kern_exit.c:647-651: WNOHANG with nothing to report still copies out status and rusage (E5: unspecified)', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.own(wait4(1, -1, ['WNOHANG'], 'valid', 'valid'))).toEqual({
      step: 1, pid: 1, call: 'wait4', kind: 'return', ret: 0, status: UNSPECIFIED, rusage: UNSPECIFIED,
    });
    expect(c).toBe(2);
  });

  test('kern_exit.c:647-651, 707-712: a reaped child\'s status and its usage are both copied out', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(run(c, 3));
    d.step(exit(c, 5));
    expect(d.own(wait4(1, -1, [], 'valid', 'valid'))).toEqual({
      step: 3, pid: 1, call: 'wait4', kind: 'return', ret: c, status: 0x500, rusage: { utime: 3 },
    });
  });

  test('kern_exit.c:647-651: a faulting rusage pointer after a report fails with EFAULT', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(exit(c, 1));
    expect(d.own(wait4(1, -1, [], 'valid', 'fault'))).toMatchObject({ errno: 'EFAULT' });
  });
});
