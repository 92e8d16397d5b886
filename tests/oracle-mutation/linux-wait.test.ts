import { boot, exit, kill, ptrace, run, sigaction, wait4 } from '../oracle/driver';

/** The linux profile's wait4 (wait_consider_task and its selectors), with literal expectations from linux.md. */
describe('linux profile: wait4 selectors and reports', () => {
  const linux = () => boot({ profile: 'linux' });
  const WALL = 0x40000000; // linux.md W1: __WALL, in the accepted mask 0xE000000B

  test('host fixture (waitPid0InGroup1IsAny): wait4(0) by init waits for group 1 only, not for WAIT_ANY', () => {
    const d = linux();
    const own = d.fork(1); // in group 1 with init
    const away = d.fork(1);
    d.step({ pid: away, call: 'setpgid', target: 0, pgid: 0 });
    d.step(exit(away, 1));
    expect(d.own(wait4(1, 0, ['WNOHANG']))).toEqual({ step: 4, pid: 1, call: 'wait4', kind: 'return', ret: 0 }); // W4: nothing copied out
    d.step(exit(own, 2));
    expect(d.own(wait4(1, 0, ['WNOHANG']))).toMatchObject({ ret: own, status: 0x200 });
  });

  test('W6: a normal child is waitable only without __WCLONE; __WALL takes it with __WCLONE too', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(exit(c, 3));
    expect(d.own(wait4(p, c, ['WLINUXCLONE', 'WNOHANG']))).toMatchObject({ errno: 'ECHILD' });
    expect(d.own(wait4(p, c, ['WLINUXCLONE'], 'valid', 'null', WALL))).toMatchObject({ ret: c, status: 0x300 });
  });

  test('W6, T2: a tracee is eligible to its tracer whatever the clone selector; each stop is reported once', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    expect(d.own(wait4(t, c, ['WLINUXCLONE', 'WNOHANG']))).toMatchObject({ ret: c, status: 0x137f });
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: 0 });
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: 0 }); // running: nothing to report
    expect(d.own(wait4(t, c, ['WNOHANG', 'WCONTINUED']))).toMatchObject({ ret: 0 }); // a ptrace resume is not a SIGCONT
  });

  test('T4, W12: the real parent sees a group stop only with WUNTRACED, once, with self+children usage; a continue only with WCONTINUED', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    const g = d.fork(c);
    d.step(run(g, 3));
    d.step(exit(g, 0));
    d.step(wait4(c, g)); // C's children total: 3 ticks
    d.step(run(c, 2));
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WNOHANG']))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG'], 'valid', 'valid'))).toMatchObject({ ret: c, status: 0x137f, rusage: { utime: 5 } });
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 });
    d.step(kill(p, c, 'SIGCONT'));
    expect(d.own(wait4(p, c, ['WNOHANG']))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(p, c, ['WNOHANG', 'WCONTINUED'], 'valid', 'valid'))).toMatchObject({ ret: c, status: 0xffff, rusage: { utime: 5 } });
    expect(d.own(wait4(p, c, ['WNOHANG', 'WCONTINUED']))).toMatchObject({ ret: 0 });
  });

  test('R13, W17: a group wait whose only child left the group sleeps on at its exit; a caught signal makes it rescan: ECHILD, not EINTR', () => {
    const d = linux();
    const p = d.fork(1);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    const waiting = d.next;
    expect(d.own(wait4(p, 0))).toMatchObject({ kind: 'sleep' });
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: 0 });
    expect(d.step(exit(c, 1)).observations).toHaveLength(1); // R13: the wakeup is filtered by eligible_pid
    expect(d.step(kill(1, p, 'SIGUSR1')).observations[1]).toEqual({ step: waiting, pid: p, call: 'wait4', kind: 'return', errno: 'ECHILD' });
  });

  test('W17: with nothing found by the rescan, a caught signal gives EINTR, and with SA_RESTART the wait sleeps on', () => {
    const d = linux();
    const p = d.fork(1);
    d.fork(p);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    const waiting = d.next;
    d.step(wait4(p, -1));
    expect(d.step(kill(1, p, 'SIGUSR1')).observations[1]).toEqual({ step: waiting, pid: p, call: 'wait4', kind: 'return', errno: 'EINTR' });
    d.step(sigaction(p, 'SIGUSR2', 'catch', ['SA_RESTART']));
    d.step(wait4(p, -1));
    expect(d.step(kill(1, p, 'SIGUSR2')).observations).toHaveLength(1);
    expect(d.proc(p)).toMatchObject({ sleeping: { chan: 'wait' } });
  });

  test('W17: a rescan after a caught signal that finds a zombie copies out its usage to a wait4 with a rusage pointer', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: p }); // group p: c, then p
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    d.step(run(c, 4));
    const waiting = d.next;
    expect(d.own(wait4(p, -1, [], 'valid', 'valid'))).toMatchObject({ kind: 'sleep' });
    // c dies of SIGUSR1 (10) first; p's AST comes before the wakeup its exit queued, so the signal's rescan
    // is what finds the zombie.
    expect(d.step(kill(1, -p, 'SIGUSR1')).observations[1]).toEqual({ step: waiting, pid: p, call: 'wait4', kind: 'return', ret: c, status: 10, rusage: { utime: 4 } });
  });
});
