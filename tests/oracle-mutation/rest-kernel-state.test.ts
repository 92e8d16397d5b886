import { createOracle } from '../../oracle';
import { withDefaults } from '../../interleaving';
import { boot, exit, kill, wait4 } from '../oracle/driver';

/** The kernel state's own bookkeeping, seen from outside: tids, wakeups of stopped sleepers, tracing off. */
describe('kernel state', () => {
  test('a wait sleeper stopped by SIGSTOP is not woken by its child\'s exit until SIGCONT (a stopped thread does not run)', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(wait4(p, -1));
    d.step(kill(1, p, 'SIGSTOP'));
    expect(d.proc(p)!.flags).toContain('STOPPED_SIG');
    const r = d.step(exit(c, 3)); // kern_exit.c:512 wakeup(parent): the stopped sleeper stays put
    expect(r.observations.map((o) => o.pid)).toEqual([c]);
    expect(d.proc(p)!.sleeping).toMatchObject({ chan: 'wait' });
    const cont = d.step(kill(1, p, 'SIGCONT')); // resumed, it rescans and reaps c
    expect(cont.observations.find((o) => o.pid === p)).toMatchObject({ ret: c, status: 3 << 8 });
  });

  test('linux: exec frees the other threads\' ids: a former thread id is no longer a thread (ESRCH, not EINVAL)', () => {
    const d = boot({ profile: 'linux' });
    const p = d.fork(1);
    d.step({ pid: p, call: 'thr_new' });
    const tid = d.snap().lastpid;
    expect(d.own({ pid: 1, call: 'setpgid', target: tid, pgid: 0 })).toMatchObject({ errno: 'EINVAL' });
    d.step({ pid: p, call: 'execve' }); // de_thread: the other threads die, their ids are free
    expect(d.own({ pid: 1, call: 'setpgid', target: tid, pgid: 0 })).toMatchObject({ errno: 'ESRCH' });
  });

  test('with tracing off a step reports no trace events', () => {
    const o = createOracle({ trace: false });
    o.reset(withDefaults({}));
    const c = o.apply({ pid: 1, call: 'fork' }).observations[0].ret!;
    o.apply(wait4(1, c));
    const r = o.apply(exit(c, 0)); // wakes init: a 'wakeup' event when tracing
    expect(r.trace ?? []).toEqual([]);
  });
});
