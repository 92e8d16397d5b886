import type { StepResult } from '../../interleaving';
import { boot, exit, kill, sigaction, wait4 } from '../oracle/driver';

/** The sleeping side of kern_wait and vfork, with literal expectations from the seed. */
describe('sleepers in wait4 and vfork', () => {
  const returnsOf = (r: StepResult, pid: number) => r.observations.filter((o) => o.pid === pid && o.kind === 'return');

  test('kern_exit.c:664-668, 512: a sleeping wait4(0) keeps its group (read at entry) and gets the member that exits', () => {
    const d = boot();
    const p = d.fork(1); // 2
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 }); // group 2
    const c = d.fork(p); // 3, in group 2
    expect(d.own(wait4(p, 0))).toMatchObject({ kind: 'sleep' });
    expect(returnsOf(d.step(exit(c, 5)), p)).toEqual([{ step: 3, pid: p, call: 'wait4', kind: 'return', ret: c, status: 0x500 }]);
  });

  test('kern_exit.c:708-711: a sleeping wait4 with a rusage pointer gets the zombie\'s usage when it completes', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    expect(d.own(wait4(p, -1, [], 'valid', 'valid'))).toMatchObject({ kind: 'sleep' });
    d.step({ pid: c, call: 'run', ticks: 3 });
    expect(returnsOf(d.step(exit(c, 0)), p)).toEqual([{ step: 2, pid: p, call: 'wait4', kind: 'return', ret: c, status: 0, rusage: { utime: 3 } }]);
  });

  test('§9.2, §3.9.6: a traced waiter woken by two children\'s stops returns first (each wakeup was posted before its SIGCHLD), then trace-stops on the other SIGCHLD', () => {
    const d = boot();
    const g = d.fork(1); // 2, the tracer
    const p = d.fork(g); // 3
    d.step({ pid: p, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 });
    d.step(sigaction(p, 'SIGCHLD', 'catch')); // a default SIGCHLD would be discarded at posting (§3.9.2 step 3)
    const c1 = d.fork(p); // 4
    const c2 = d.fork(p); // 5
    d.step({ pid: c1, call: 'setpgid', target: 0, pgid: 0 });
    d.step({ pid: c2, call: 'setpgid', target: 0, pgid: c1 });
    expect(d.own(wait4(p, -1, ['WUNTRACED']))).toMatchObject({ kind: 'sleep' });
    const r = d.step(kill(1, -c1, 'SIGSTOP'));
    // The newest child first (kern_exit.c:680, children newest first); reporting it takes its record (kern_exit.c:813).
    expect(returnsOf(r, p)).toEqual([{ step: 8, pid: p, call: 'wait4', kind: 'return', ret: c2, status: 0x117f }]);
    expect(d.own(wait4(g, p, ['WNOHANG']))).toMatchObject({ ret: p, status: 0x147f }); // c1's SIGCHLD (20): a trace stop
  });

  test('a waiter stopped in its sleep does not return while stopped; it completes once continued', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    expect(d.own(wait4(p, -1))).toMatchObject({ kind: 'sleep' });
    d.step(kill(1, p, 'SIGSTOP'));
    expect(returnsOf(d.step(exit(c, 7)), p)).toEqual([]);
    const resumed = d.step(kill(1, p, 'SIGCONT'));
    expect(returnsOf(resumed, p)).toEqual([{ step: 2, pid: p, call: 'wait4', kind: 'return', ret: c, status: 0x700 }]);
  });

  test('E10, kern_exit.c:512: a vfork parent woken by another child\'s exit sleeps on until its vfork child exits', () => {
    const d = boot();
    const other = d.fork(1); // 2
    const v = d.step({ pid: 1, call: 'vfork' }); // init sleeps in ppwait; the child is 3
    expect(v.observations[0]).toMatchObject({ kind: 'sleep' });
    expect(returnsOf(d.step(exit(other, 0)), 1)).toEqual([]);
    expect(returnsOf(d.step(exit(3, 0)), 1)).toEqual([{ step: 1, pid: 1, call: 'vfork', kind: 'return', ret: 3 }]);
  });

  test('kern_exit.c:458-482: a parent ignoring SIGCHLD, asleep in wait4, is woken when its last child exits: ECHILD', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    expect(d.own(wait4(p, -1))).toMatchObject({ kind: 'sleep' });
    expect(returnsOf(d.step(exit(c, 0)), p)).toEqual([{ step: 3, pid: p, call: 'wait4', kind: 'return', errno: 'ECHILD' }]);
  });

  test('kern_exit.c:798-803, §3.9.4: a stop is reportable once complete; a wait restarted while the child is still stopping reports it only after, once', () => {
    const d = boot();
    const q = d.fork(1); // 2
    d.step({ pid: q, call: 'setpgid', target: 0, pgid: 0 }); // group 2: q, then c (fork1 inserts the child after its parent)
    const c = d.fork(q); // 3
    d.step(sigaction(q, 'SIGTSTP', 'catch', ['SA_RESTART']));
    expect(d.own(wait4(q, -1, ['WUNTRACED']))).toMatchObject({ kind: 'sleep' });
    // q's AST comes first: its handler runs and the wait restarts (ERESTART) while c's stop is posted but
    // not complete (p_suspcount < p_numthreads); c's stop then wakes it and it reports SIGTSTP (18).
    expect(returnsOf(d.step(kill(1, -q, 'SIGTSTP')), q)).toEqual([{ step: 4, pid: q, call: 'wait4', kind: 'return', ret: c, status: 0x127f }]);
    expect(d.own(wait4(q, -1, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 }); // P_WAITED: reported once
  });

  test('kern_exit.c:848: a wakeup reaching a waiter once it is stopped is kept (no return while stopped) and honoured when it is continued', () => {
    const d = boot();
    const q = d.fork(1); // 2
    const c = d.fork(q); // 3
    d.step({ pid: q, call: 'setpgid', target: 0, pgid: 0 });
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: q }); // group 2: c, then q (setpgid enters at the head)
    expect(d.own(wait4(q, -1, ['WUNTRACED']))).toMatchObject({ kind: 'sleep' });
    // c stops first and wakes q, whose own stop is posted but not yet complete; q's stop then completes
    // before it runs the wakeup, which must wait for the SIGCONT.
    expect(returnsOf(d.step(kill(1, -q, 'SIGSTOP')), q)).toEqual([]);
    expect(returnsOf(d.step(kill(1, q, 'SIGCONT')), q)).toEqual([{ step: 4, pid: q, call: 'wait4', kind: 'return', ret: c, status: 0x117f }]);
  });
});
