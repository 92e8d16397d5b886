import { boot, exit, kill, ptrace, run, sigaction, wait4 } from './driver';

describe('kern_wait (kern_exit.c:654-853)', () => {
  test('kern_exit.c:664-668: pid 0 selects the caller\'s own process group, read at entry', () => {
    const d = boot();
    const p = d.fork(1); // 2
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    const a = d.fork(p); // 3, in pgrp 2
    const b = d.fork(p); // 4
    d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 });
    d.step(exit(b, 2));
    d.step(exit(a, 1));
    expect(d.own(wait4(p, 0))).toEqual({ step: 7, pid: 2, call: 'wait4', kind: 'return', ret: 3, status: 0x100 });
    expect(d.own(wait4(p, 0))).toEqual({ step: 8, pid: 2, call: 'wait4', kind: 'return', errno: 'ECHILD' });
    expect(d.own(wait4(p, -4))).toMatchObject({ ret: 4, status: 0x200 });
  });

  test('kern_exit.c:664-668: in process group 1, pid 0 becomes -1, which is WAIT_ANY', () => {
    const d = boot();
    d.fork(1); // 2
    d.fork(1); // 3
    d.own({ pid: 3, call: 'setpgid', target: 0, pgid: 0 });
    d.step(exit(3, 2));
    expect(d.own(wait4(1, 0))).toMatchObject({ ret: 3, status: 0x200 });
  });

  test('kern_exit.c:669-670: an option bit outside WUNTRACED|WNOHANG|WCONTINUED|WLINUXCLONE is EINVAL before children are looked at', () => {
    const d = boot();
    expect(d.own(wait4(1, -1, ['WNOWAIT']))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(wait4(1, -1, ['WEXITED']))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(wait4(1, -1, [], 'valid', 'null', 0x100))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(wait4(1, -1, ['WLINUXCLONE', 'WNOHANG', 'WUNTRACED', 'WCONTINUED']))).toMatchObject({ errno: 'ECHILD' });
  });

  test('kern_exit.c:672-676: the loop clears P_STATCHILD that a child stop set', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    expect(d.proc(1)!.flags).toEqual(['STATCHILD']);
    d.step(wait4(1, -1, ['WNOHANG']));
    expect(d.proc(1)!.flags).toEqual([]);
  });

  test('kern_exit.c:681-685: a pid selector skips other children; an unmatched pgid gives ECHILD', () => {
    const d = boot();
    d.fork(1); // 2
    d.fork(1); // 3
    d.step(exit(2, 0));
    expect(d.own(wait4(1, 3, ['WNOHANG']))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(1, -77))).toMatchObject({ errno: 'ECHILD' });
    expect(d.own(wait4(1, 2))).toMatchObject({ ret: 2, status: 0 });
  });

  test('kern_exit.c:699-703: RFLINUXTHPN children only with WLINUXCLONE, others only without', () => {
    const d = boot();
    const t = d.own({ pid: 1, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] }).ret!;
    expect(t).toBe(2);
    expect(d.proc(t)!.sigparent).toBe('SIGUSR1');
    d.step(exit(t, 4));
    expect(d.own(wait4(1, -1))).toMatchObject({ errno: 'ECHILD' });
    expect(d.own(wait4(1, -1, ['WLINUXCLONE']))).toMatchObject({ ret: 2, status: 0x400 });
    const c = d.fork(1);
    expect(d.own(wait4(1, c, ['WLINUXCLONE', 'WNOHANG']))).toMatchObject({ errno: 'ECHILD' });
  });

  test('kern_exit.c:707-711: the zombie\'s rusage includes its reaped descendants (L529)', () => {
    const d = boot();
    const c = d.fork(1); // 2
    const g = d.fork(c); // 3
    d.step(run(g, 3));
    d.step(exit(g, 0));
    d.step(wait4(c, g));
    d.step(run(c, 7));
    d.step(exit(c, 0));
    expect(d.own(wait4(1, c, [], 'valid', 'valid'))).toMatchObject({ ret: 2, status: 0, rusage: { utime: 10 } });
    expect(d.own({ pid: 1, call: 'getrusage', who: 'RUSAGE_CHILDREN' })).toMatchObject({ rusage: { utime: 10 } });
    expect(d.own({ pid: 1, call: 'getrusage', who: 'RUSAGE_SELF' })).toMatchObject({ rusage: { utime: 0 } });
  });

  test('kern_exit.c:720-735 (E4): a PT_TRACE_ME child is given back to its own parent: reported twice, then ECHILD', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    expect(d.proc(c)!.oppid).toBe(1);
    d.step(exit(c, 1));
    const first = d.step(wait4(1, c));
    expect(first.observations).toEqual([{ step: 3, pid: 1, call: 'wait4', kind: 'return', ret: 2, status: 0x100 }]);
    expect(first.trace).toContainEqual({ kind: 'giveback', pid: 2, from: 1, to: 1 });
    expect(first.md).toEqual([]);
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', oppid: 0, ppid: 1 });
    expect(d.own(wait4(1, c))).toMatchObject({ ret: 2, status: 0x100 });
    expect(d.proc(c)).toBeUndefined();
    expect(d.own(wait4(1, c))).toMatchObject({ errno: 'ECHILD' });
  });

  test('kern_exit.c:725: oppid set but pfind(oppid) finds nothing: the debugger reaps for real', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    const dbg = d.fork(1); // 4
    d.step(ptrace(dbg, 'PT_ATTACH', c));
    d.step(wait4(dbg, c));
    d.step(exit(p, 0));
    d.step(wait4(1, p));
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    d.step(run(c, 2));
    d.step(exit(c, 5));
    expect(d.own(wait4(dbg, c, [], 'valid', 'valid'))).toMatchObject({ ret: 3, status: 0x500, rusage: { utime: 2 } });
    expect(d.proc(c)).toBeUndefined();
    expect(d.proc(dbg)!.cru).toEqual({ utime: 2 });
  });

  test('kern_exit.c:741-796: reaping frees the pid, the pgrp and session, the counts, and calls thread_wait then vm_waitproc', () => {
    const d = boot();
    const c = d.fork(1);
    d.step({ pid: c, call: 'setsid' });
    d.step({ pid: c, call: 'setuid', uid: 1000 });
    d.step(exit(c, 0));
    expect(d.snap()).toMatchObject({ nprocs: 2, uidCounts: { 0: 1, 1000: 1 } });
    const r = d.step(wait4(1, -1));
    expect(r.md).toEqual([{ hook: 'thread_wait', pid: 2 }, { hook: 'vm_waitproc', pid: 2 }]);
    expect(r.trace).toContainEqual({ kind: 'reap', pid: 2, by: 1, ticks: 0 });
    const s = d.snap();
    expect(s.nprocs).toBe(1);
    expect(s.uidCounts).toEqual({ 0: 1 });
    expect(s.pgrps.map((g) => g.pgid)).toEqual([1]);
    expect(s.sessions.map((x) => x.sid)).toEqual([1]);
  });

  test('kern_exit.c:798-815: a stop is reported with WUNTRACED once, as W_STOPCODE, rusage unwritten', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    expect(d.own(wait4(1, c, ['WNOHANG']))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(1, c, ['WUNTRACED'], 'valid', 'valid'))).toEqual({
      step: 3, pid: 1, call: 'wait4', kind: 'return', ret: 2, status: 0x117f, rusage: 'unspecified',
    });
    expect(d.proc(c)!.flags).toEqual(['WAITED', 'STOPPED_SIG']);
    expect(d.own(wait4(1, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 });
    d.step(kill(1, c, 'SIGTSTP'));
    expect(d.own(wait4(1, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 });
  });

  test('kern_exit.c:801: a traced child\'s stop is reported without WUNTRACED', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(c, c, 'SIGUSR2'));
    expect(d.own(wait4(1, c, [], 'null'))).toEqual({ step: 3, pid: 1, call: 'wait4', kind: 'return', ret: 2 });
    expect(d.proc(c)!.flags).toEqual(['TRACED', 'WAITED', 'STOPPED_SIG', 'STOPPED_TRACE']);
  });

  test('kern_exit.c:817-830 (E14): a continue is reported only with WCONTINUED, once, as 0x13', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(kill(1, c, 'SIGCONT'));
    expect(d.proc(c)!.flags).toEqual(['CONTINUED']);
    expect(d.own(wait4(1, c, ['WNOHANG', 'WUNTRACED']))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(1, c, ['WCONTINUED'], 'valid', 'valid'))).toMatchObject({ ret: 2, status: 0x13, rusage: 'unspecified' });
    expect(d.own(wait4(1, c, ['WCONTINUED', 'WNOHANG']))).toMatchObject({ ret: 0 });
  });

  test('kern_exit.c:833-841 (E5): ECHILD without a match; WNOHANG returns 0 and copies out garbage', () => {
    const d = boot();
    expect(d.own(wait4(1, -1, ['WNOHANG']))).toEqual({ step: 0, pid: 1, call: 'wait4', kind: 'return', errno: 'ECHILD' });
    d.fork(1);
    expect(d.own(wait4(1, -1, ['WNOHANG'], 'valid', 'valid'))).toEqual({
      step: 2, pid: 1, call: 'wait4', kind: 'return', ret: 0, status: 'unspecified', rusage: 'unspecified',
    });
    expect(d.own(wait4(1, -1, ['WNOHANG'], 'fault'))).toMatchObject({ errno: 'EFAULT' });
  });

  test('kern_exit.c:842-852: a blocking wait sleeps; the child\'s exit completes it in that step', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.own(wait4(1, -1))).toEqual({ step: 1, pid: 1, call: 'wait4', kind: 'sleep' });
    expect(d.proc(1)!.sleeping).toEqual({ chan: 'wait', step: 1 });
    const r = d.step(exit(c, 9));
    expect(r.observations).toEqual([
      { step: 2, pid: 2, call: 'exit', kind: 'noreturn' },
      { step: 1, pid: 1, call: 'wait4', kind: 'return', ret: 2, status: 0x900 },
    ]);
    expect(r.trace).toContainEqual({ kind: 'wakeup', pid: 1, chan: 'wait' });
  });

  test('kern_exit.c:842-852: a stop wakes the waiter, which rescans and sleeps on without WUNTRACED', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(wait4(1, -1));
    const r = d.step(kill(c, c, 'SIGSTOP'));
    expect(r.observations).toHaveLength(1);
    expect(r.trace).toContainEqual({ kind: 'wakeup', pid: 1, chan: 'wait' });
    expect(d.proc(1)!.sleeping).toEqual({ chan: 'wait', step: 1 });
  });

  test('kern_exit.c:848-851 (E20): a caught SIGCHLD without SA_RESTART ends the wait with EINTR although a zombie is ready', () => {
    const d = boot();
    d.step(sigaction(1, 'SIGCHLD', 'catch'));
    const c = d.fork(1);
    d.step(wait4(1, -1));
    const r = d.step(exit(c, 0));
    expect(r.observations[1]).toEqual({ step: 2, pid: 1, call: 'wait4', kind: 'return', errno: 'EINTR' });
    // kern_exit.c:484-485: init's SIGCHLD is a plain one, without siginfo.
    expect(d.proc(1)!.handled).toEqual([{ sig: 'SIGCHLD' }]);
    expect(d.own(wait4(1, -1))).toMatchObject({ ret: 2 });
  });

  test('kern_exit.c:848-852 (E20): with SA_RESTART the interrupted wait restarts after the handler and returns the zombie', () => {
    const d = boot();
    d.step(sigaction(1, 'SIGCHLD', 'catch', ['SA_RESTART']));
    const c = d.fork(1);
    d.step(wait4(1, 0));
    const r = d.step(exit(c, 2));
    expect(r.observations[1]).toEqual({ step: 2, pid: 1, call: 'wait4', kind: 'return', ret: 2, status: 0x200 });
    expect(r.trace!.map((e) => e.kind)).toEqual(['exit', 'wakeup', 'handler', 'report', 'reap']);
  });

  test('kern_exit.c:848: a default-action kill ends a sleeping waiter (noreturn)', () => {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(wait4(p, -1));
    const r = d.step(kill(1, p, 'SIGTERM'));
    expect(r.observations).toEqual([
      { step: 3, pid: 1, call: 'kill', kind: 'return', ret: 0 },
      { step: 2, pid: 2, call: 'wait4', kind: 'noreturn' },
    ]);
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 15, children: [] });
  });
});

describe('kern_wait sleeps of a traced waiter (kern_exit.c:848-851 with ptracestop)', () => {
  /** P (2) traces its child C (3, PT_TRACE_ME); C has a child G (4) and sleeps in wait. */
  function tracedWaiter() {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    const g = d.fork(c);
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(wait4(c, -1));
    return { d, p, c, g };
  }

  test('a signal aborts the sleep (ERESTART) and trace-stops C; continued with 0, the wait restarts and sleeps on', () => {
    const { d, p, c, g } = tracedWaiter();
    d.step(kill(p, c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ sleeping: null, flags: ['TRACED', 'STOPPED_SIG', 'STOPPED_TRACE'] });
    expect(d.own(wait4(p, c))).toMatchObject({ ret: 3, status: 0x1e7f });
    const r = d.step(ptrace(p, 'PT_CONTINUE', c, 0));
    expect(r.observations).toHaveLength(1);
    expect(d.proc(c)!.sleeping).toEqual({ chan: 'wait', step: 4 });
    const r2 = d.step(exit(g, 1));
    expect(r2.observations[1]).toEqual({ step: 4, pid: 3, call: 'wait4', kind: 'return', ret: 4, status: 0x100 });
  });

  test('detached with a default-kill signal, C dies: its interrupted wait ends without returning', () => {
    const { d, p, c } = tracedWaiter();
    d.step(kill(p, c, 'SIGUSR1'));
    d.step(wait4(p, c));
    const r = d.step(ptrace(p, 'PT_DETACH', c, 'SIGUSR1'));
    expect(r.observations[1]).toEqual({ step: 4, pid: 3, call: 'wait4', kind: 'noreturn' });
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 30 });
  });

  test('with a handler installed, the PT_CONTINUE step completes the interrupted wait with EINTR', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.fork(c);
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(wait4(c, -1));
    d.step(kill(p, c, 'SIGUSR1'));
    d.step(wait4(p, c));
    const r = d.step(ptrace(p, 'PT_CONTINUE', c, 'SIGUSR1'));
    expect(r.observations[1]).toEqual({ step: 5, pid: 3, call: 'wait4', kind: 'return', errno: 'EINTR' });
    expect(d.proc(c)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
  });
});
