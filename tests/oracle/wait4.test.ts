import { boot, exit, kill, run, wait4 } from './driver';

describe('wait4 and owait (kern_exit.c:617-652)', () => {
  test('kern_exit.c:642-645, 647: no rusage pointer, no rusage; a NULL status pointer, no status', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(exit(c, 1));
    expect(d.own(wait4(1, c, [], 'null', 'null'))).toEqual({ step: 2, pid: 1, call: 'wait4', kind: 'return', ret: 2 });
  });

  test('kern_exit.c:647-648 (E19): a faulting status pointer gives EFAULT after the zombie was reaped', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(run(c, 4));
    d.step(exit(c, 1));
    const r = d.step(wait4(1, -1, [], 'fault', 'valid'));
    expect(r.observations).toEqual([{ step: 3, pid: 1, call: 'wait4', kind: 'return', errno: 'EFAULT' }]);
    expect(d.proc(c)).toBeUndefined();
    expect(d.snap().nprocs).toBe(1);
    expect(d.proc(1)!.cru).toEqual({ utime: 4 });
    expect(d.own(wait4(1, -1))).toMatchObject({ errno: 'ECHILD' });
  });

  test('kern_exit.c:647-648 (E19): for a stop, P_WAITED is set first, so the stop is consumed', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    expect(d.own(wait4(1, c, ['WUNTRACED'], 'fault'))).toMatchObject({ errno: 'EFAULT' });
    expect(d.own(wait4(1, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 });
  });

  test('kern_exit.c:649-650: a faulting rusage pointer gives EFAULT after the status was copied out', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(exit(c, 2));
    expect(d.own(wait4(1, c, [], 'valid', 'fault'))).toEqual({
      step: 2, pid: 1, call: 'wait4', kind: 'return', errno: 'EFAULT', status: 0x200,
    });
    const e = d.fork(1);
    d.step(exit(e, 2));
    expect(d.own(wait4(1, e, [], 'null', 'fault'))).toEqual({ step: 5, pid: 1, call: 'wait4', kind: 'return', errno: 'EFAULT' });
  });

  test('kern_exit.c:626-628: owait reports the status in the second register', () => {
    const d = boot();
    expect(d.own({ pid: 1, call: 'owait' })).toMatchObject({ errno: 'ECHILD' });
    const c = d.fork(1);
    expect(d.own({ pid: 1, call: 'owait' })).toMatchObject({ kind: 'sleep' });
    const r = d.step(exit(c, 5));
    expect(r.observations[1]).toEqual({ step: 2, pid: 1, call: 'owait', kind: 'return', ret: 2, ret1: 0x500 });
  });
});
