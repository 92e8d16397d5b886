import { boot, exit, kill, ptrace, sigaction, wait4 } from './driver';

/** P (2) with child C (3); D (4), another child of init, attached to C and having collected the stop. */
function attached(config = {}) {
  const d = boot(config);
  const p = d.fork(1);
  const c = d.fork(p);
  const dbg = d.fork(1);
  const r = d.step(ptrace(dbg, 'PT_ATTACH', c));
  expect(r.trace).toContainEqual({ kind: 'stop', pid: c, sig: 'SIGSTOP', traced: true });
  expect(d.own(wait4(dbg, c))).toMatchObject({ ret: c, status: 0x117f });
  return { d, p, c, dbg };
}

describe('ptrace (semantics.md §3.8)', () => {
  test('PT_ATTACH reparents the target, sets oppid, and trace-stops it; getppid is the debugger (E8)', () => {
    const { d, p, c, dbg } = attached();
    expect(d.proc(c)).toMatchObject({ ppid: dbg, oppid: p, flags: ['TRACED', 'WAITED', 'STOPPED_SIG', 'STOPPED_TRACE'] });
    expect(d.proc(p)!.children).toEqual([]);
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    expect(d.own({ pid: c, call: 'getppid' })).toMatchObject({ ret: 4 });
  });

  test('E2: the real parent gets ECHILD at once, even with WNOHANG, while someone else traces its child', () => {
    const { d, p, c } = attached();
    expect(d.own(wait4(p, c))).toMatchObject({ errno: 'ECHILD' });
    expect(d.own(wait4(p, -1, ['WNOHANG']))).toMatchObject({ errno: 'ECHILD' });
  });

  test('E2 (kern_exit.c:725-734): after the debugger reaps, the give-back wakes the parent\'s wait with the exit', () => {
    const { d, p, c, dbg } = attached();
    d.fork(p); // 5, a second child, so P's wait sleeps
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(p, -1))).toMatchObject({ kind: 'sleep' });
    d.step(exit(c, 7));
    const r = d.step(wait4(dbg, c));
    expect(r.observations).toEqual([
      { step: 9, pid: 4, call: 'wait4', kind: 'return', ret: 3, status: 0x700 },
      { step: 7, pid: 2, call: 'wait4', kind: 'return', ret: 3, status: 0x700 },
    ]);
    expect(r.trace).toContainEqual({ kind: 'giveback', pid: 3, from: 4, to: 2 });
    expect(d.proc(dbg)!.cru).toEqual({ utime: 0 });
  });

  test('E3 (kern_exit.c:432-438): an exiting debugger kills its tracee, which goes to init and then back to oppid with stale siginfo', () => {
    const d = boot();
    const p = d.fork(1); // 2
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    const c = d.fork(p); // 3
    const dbg = d.fork(1); // 4
    d.step(ptrace(dbg, 'PT_ATTACH', c));
    d.step(wait4(dbg, c));
    const r = d.step(exit(dbg, 0));
    expect(r.trace).toContainEqual({ kind: 'exit', pid: 3, xstat: 9 });
    // oppid survives; P_WAITED too (the SIGKILL only clears the stop).
    expect(d.proc(c)).toMatchObject({ ppid: 1, oppid: 2, state: 'ZOMBIE', flags: ['WAITED', 'WEXIT'] });
    expect(d.proc(1)!.children).toEqual([3, 4, 2]);
    const w = d.step(wait4(1, -1));
    expect(w.observations[0]).toMatchObject({ ret: 3, status: 9 });
    // The record was last filled by the attach stop: CLD_TRAPPED with si_status SIGSTOP (17).
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 4, from: 3, status: 17 }]);
    expect(d.own(wait4(p, c))).toMatchObject({ ret: 3, status: 9 });
  });

  test('E1 (detach): with pid(P) reused by X, PT_DETACH hands C to X, without SIGCHLD', () => {
    const { d, p, c, dbg } = attached({ pidMax: 10, pidFloor: 2 });
    d.step(exit(p, 0));
    d.step(wait4(1, p));
    for (const want of [5, 6, 7, 8, 9]) expect(d.fork(1)).toBe(want);
    const x = d.fork(1);
    expect(x).toBe(2);
    d.step(sigaction(x, 'SIGCHLD', 'catch'));
    d.step(ptrace(dbg, 'PT_DETACH', c, 0));
    expect(d.proc(c)).toMatchObject({ ppid: 2, oppid: 0, flags: [] });
    expect(d.proc(x)!.handled).toEqual([]);
    expect(d.own({ pid: c, call: 'getppid' })).toMatchObject({ ret: 2 });
    d.step(exit(c, 1));
    expect(d.own(wait4(x, c))).toMatchObject({ ret: 3, status: 0x100 });
  });

  test('E1 (exit): the debugger\'s wait reports C, then hands the zombie to X, which gets SIGCHLD and reaps it', () => {
    const { d, p, c, dbg } = attached({ pidMax: 10, pidFloor: 2 });
    d.step(exit(p, 0));
    d.step(wait4(1, p));
    for (let i = 0; i < 6; i++) d.fork(1);
    d.step(sigaction(2, 'SIGCHLD', 'catch'));
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    d.step(exit(c, 1));
    expect(d.own(wait4(dbg, c))).toMatchObject({ ret: 3, status: 0x100 });
    expect(d.proc(2)!.handled).toEqual([{ sig: 'SIGCHLD', code: 1, from: 3, status: 0x100 }]);
    expect(d.own(wait4(2, c))).toMatchObject({ ret: 3, status: 0x100 });
  });

  test('PT_DETACH without reuse: to init if oppid\'s process is gone; to oppid otherwise; no SIGCHLD either way', () => {
    const { d, p, c, dbg } = attached();
    d.step(ptrace(dbg, 'PT_DETACH', c, 0));
    expect(d.proc(c)).toMatchObject({ ppid: p, oppid: 0, flags: [] });
    const b = attached();
    b.d.step(exit(b.p, 0));
    b.d.step(ptrace(b.dbg, 'PT_DETACH', b.c, 0));
    expect(b.d.proc(b.c)).toMatchObject({ ppid: 1, sigparent: 'SIGCHLD' });
  });

  test('PT_DETACH with a signal: the tracee is untraced and the signal is delivered normally', () => {
    const { d, c, dbg } = attached();
    d.step(ptrace(dbg, 'PT_DETACH', c, 'SIGTERM'));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 15 });
  });

  test('E11: PT_ATTACH to a process already stopped by SIGSTOP resumes it, and no stop is reported', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    const c = d.fork(p);
    d.step(kill(c, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WUNTRACED']))).toMatchObject({ status: 0x117f });
    const dbg = d.fork(1);
    d.step(ptrace(dbg, 'PT_ATTACH', c));
    expect(d.proc(c)!.flags).toEqual(['TRACED']);
    expect(d.own(wait4(dbg, c))).toMatchObject({ kind: 'sleep' });
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 5, from: 3, status: 17 }]);
  });

  test('E13: PT_TRACE_ME while traced overwrites oppid, so the child stays with the debugger', () => {
    const { d, c, dbg } = attached();
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    expect(d.own(ptrace(c, 'PT_TRACE_ME', 0))).toMatchObject({ ret: 0 });
    expect(d.proc(c)!.oppid).toBe(4);
    d.step(exit(c, 0));
    expect(d.own(wait4(dbg, c))).toMatchObject({ ret: 3 });
    expect(d.own(wait4(dbg, c))).toMatchObject({ ret: 3 });
    expect(d.own(wait4(dbg, c))).toMatchObject({ errno: 'ECHILD' });
  });

  test('E15: SIGKILL to a trace-stopped process waits for the debugger, which sees it as a stop and may discard it', () => {
    const { d, p, c, dbg } = attached();
    expect(d.own(kill(p, c, 'SIGKILL'))).toMatchObject({ ret: 0 });
    d.step(kill(p, c, 'SIGCONT'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', pending: ['SIGKILL', 'SIGCONT'] });
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(dbg, c))).toMatchObject({ ret: 3, status: 0x97f });
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(dbg, c))).toMatchObject({ ret: 3, status: 0x137f });
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', pending: [], flags: ['TRACED'] });
  });

  test('PT_CONTINUE with a different signal replaces the stop signal; PT_KILL kills', () => {
    const { d, c, dbg } = attached();
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 'SIGUSR2'));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 31 });
    const b = attached();
    b.d.step(ptrace(b.dbg, 'PT_KILL', b.c));
    expect(b.d.own(wait4(b.dbg, b.c))).toMatchObject({ status: 9 });
  });

  test('PT_CONTINUE with a blocked signal leaves it pending; a caught one runs the handler', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step({ pid: c, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGUSR2'] });
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(wait4(1, c));
    d.step(ptrace(1, 'PT_CONTINUE', c, 'SIGUSR2'));
    expect(d.proc(c)).toMatchObject({ pending: ['SIGUSR2'], flags: ['TRACED'] });
    d.step(kill(1, c, 'SIGUSR1'));
    d.step(wait4(1, c));
    d.step(ptrace(1, 'PT_CONTINUE', c, 'SIGUSR1'));
    expect(d.proc(c)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
  });

  test('errnos: ESRCH, EPERM (uids), EINVAL (self, ancestor, data range), EBUSY (traced, not ours, not stopped or not waited), EPERM (untraced)', () => {
    const d = boot();
    const g = d.fork(1); // 2
    const p = d.fork(g); // 3
    const c = d.fork(p); // 4
    const u = d.fork(1); // 5
    d.step({ pid: u, call: 'setuid', uid: 1000 });
    expect(d.own(ptrace(g, 'PT_ATTACH', 99))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(ptrace(u, 'PT_ATTACH', c))).toMatchObject({ errno: 'EPERM' });
    expect(d.own(ptrace(g, 'PT_ATTACH', g))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(ptrace(g, 'PT_ATTACH', 1))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(ptrace(g, 'PT_CONTINUE', c, 0))).toMatchObject({ errno: 'EPERM' });
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    expect(d.own(ptrace(g, 'PT_ATTACH', c))).toMatchObject({ errno: 'EBUSY' });
    expect(d.own(ptrace(c, 'PT_ATTACH', g))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(ptrace(g, 'PT_CONTINUE', c, 0))).toMatchObject({ errno: 'EBUSY' });
    expect(d.own(ptrace(p, 'PT_CONTINUE', c, 0))).toMatchObject({ errno: 'EBUSY' });
    d.step(kill(c, c, 'SIGINT'));
    expect(d.own(ptrace(p, 'PT_CONTINUE', c, 0))).toMatchObject({ errno: 'EBUSY' });
    d.step(wait4(p, c));
    expect(d.own(ptrace(p, 'PT_CONTINUE', c, 129))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(ptrace(p, 'PT_CONTINUE', c, -1))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(ptrace(p, 'PT_CONTINUE', c, 100))).toMatchObject({ ret: 0 });
    d.step(exit(c, 0));
    expect(d.own(ptrace(p, 'PT_KILL', c))).toMatchObject({ errno: 'ESRCH' });
  });

  test('§3.10: exec of a traced process stops it with SIGTRAP; a traced vfork child defers stops until then', () => {
    const d = boot();
    d.own({ pid: 1, call: 'vfork' }); // child 2, init asleep
    d.step(ptrace(2, 'PT_TRACE_ME', 0));
    d.step(kill(2, 2, 'SIGSTOP'));
    expect(d.proc(2)).toMatchObject({ pending: ['SIGSTOP'], flags: ['PPWAIT', 'TRACED'] });
    const r = d.step({ pid: 2, call: 'execve', path: '/bin/sh' });
    expect(r.observations[1]).toEqual({ step: 0, pid: 1, call: 'vfork', kind: 'return', ret: 2 });
    expect(r.trace).toContainEqual({ kind: 'stop', pid: 2, sig: 'SIGTRAP', traced: true });
    expect(d.own(wait4(1, 2))).toMatchObject({ status: 0x57f });
    d.step(ptrace(1, 'PT_CONTINUE', 2, 0));
    expect(d.own(wait4(1, 2))).toMatchObject({ status: 0x117f });
  });
});
