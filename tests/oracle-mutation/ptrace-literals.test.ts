import { boot, kill, ptrace, wait4, type Driver } from '../oracle/driver';

/** ptrace(2)'s checks and bookkeeping (semantics.md §3.8; linux.md T8, R6-R8), with literal expectations. */

const setuid = (d: Driver, pid: number, uid: number) => d.step({ pid, call: 'setuid', uid });
const thrNew = (d: Driver, pid: number) => {
  d.step({ pid, call: 'thr_new' });
  return d.snap().lastpid; // linux.md R17, J3: the thread's id is the last number taken
};

describe('FreeBSD: ptrace (semantics.md §3.8)', () => {
  test('p_candebug: root may attach to another uid\'s process', () => {
    const d = boot();
    const c = d.fork(1);
    setuid(d, c, 1000);
    const t = d.fork(1);
    expect(d.own(ptrace(t, 'PT_ATTACH', c))).toMatchObject({ ret: 0 });
  });

  test('PT_TRACE_ME takes no pid (its target is ignored), and init may call it: only requests on init are refused', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.own({ pid: c, call: 'ptrace', req: 'PT_TRACE_ME', target: 0.5, data: 0 })).toMatchObject({ ret: 0 });
    expect(d.own(ptrace(1, 'PT_TRACE_ME', 0))).toMatchObject({ ret: 0 });
  });

  test('the data of PT_ATTACH is not read', () => {
    const d = boot();
    const c = d.fork(1);
    const t = d.fork(1);
    expect(d.own({ pid: t, call: 'ptrace', req: 'PT_ATTACH', target: c, data: 'SIGBOGUS' as never })).toMatchObject({ ret: 0 });
  });

  test('E11 leaves no SIGSTOP queued ahead: signals pending together are taken lowest first (SIGHUP before SIGSTOP)', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(1, c, 'SIGSTOP'));
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c)); // E11: c runs again
    d.step(kill(t, c, 'SIGUSR1'));
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: 0x1e7f }); // SIGUSR1 (30) through ptracestop
    d.step(kill(1, c, 'SIGSTOP')); // E15: both stay pending while c is stopped for its debugger
    d.step(kill(1, c, 'SIGHUP'));
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c, status: 0x17f }); // SIGHUP (1) first
  });

  test('T8: a request on another debugger\'s tracee is EBUSY', () => {
    const d = boot();
    const c = d.fork(1);
    const t = d.fork(1);
    const u = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    expect(d.own(ptrace(u, 'PT_CONTINUE', c, 0))).toMatchObject({ errno: 'EBUSY' });
  });

  test('the resume sets p_xstat to the data: the signal number, or 0', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step({ pid: c, call: 'sigaction', sig: 'SIGUSR1', handler: 'catch', flags: [] });
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(p, c, 'SIGUSR2'));
    d.step(wait4(p, c));
    d.step(ptrace(p, 'PT_CONTINUE', c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', xstat: 30, handled: [{ sig: 'SIGUSR1' }] }); // §1.2: SIGUSR1 is 30
    d.step(kill(p, c, 'SIGUSR2'));
    d.step(wait4(p, c));
    d.step(ptrace(p, 'PT_CONTINUE', c, 0));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', xstat: 0 });
  });

  test('PT_DETACH of a Linux-thread child: back to a living oppid it keeps its exit signal; to init it gets SIGCHLD', () => {
    for (const oppidLives of [true, false]) {
      const d = boot();
      const p = d.fork(1);
      const c = d.own({ pid: p, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] }).ret!; // exit signal SIGUSR1 (§3.1)
      const t = d.fork(1);
      d.step(ptrace(t, 'PT_ATTACH', c)); // c is t's child now, oppid p
      d.step(wait4(t, c, ['WLINUXCLONE']));
      if (!oppidLives) d.step({ pid: p, call: 'exit', code: 0 });
      expect(d.own(ptrace(t, 'PT_DETACH', c, 0))).toMatchObject({ ret: 0 });
      expect(d.proc(c)).toMatchObject(oppidLives ? { ppid: p, sigparent: 'SIGUSR1' } : { ppid: 1, sigparent: 'SIGCHLD' });
    }
  });

  test('PT_DETACH by the parent itself (oppid is the parent) reparents nothing: init\'s Linux-thread tracee keeps its exit signal', () => {
    const d = boot();
    const c = d.own({ pid: 1, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] }).ret!;
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(1, c, 'SIGUSR2'));
    d.step(wait4(1, c, ['WLINUXCLONE']));
    d.step(ptrace(1, 'PT_DETACH', c, 0)); // §3.8: only `oppid != current parent` reparents and sets SIGCHLD
    expect(d.proc(c)).toMatchObject({ ppid: 1, sigparent: 'SIGUSR1', oppid: 0 });
  });

  test('a traced process may attach to a non-ancestor even when its parent chain loops (the walk is bounded)', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(a);
    d.step(ptrace(b, 'PT_ATTACH', a)); // a, b's parent, becomes b's child: a and b are each other's parents
    d.step(wait4(b, a));
    d.step(ptrace(b, 'PT_CONTINUE', a, 0));
    const x = d.fork(1);
    expect(d.own(ptrace(a, 'PT_ATTACH', x))).toMatchObject({ ret: 0 }); // a is traced; x is no ancestor of a
    expect(d.own(ptrace(a, 'PT_ATTACH', b))).toMatchObject({ errno: 'EINVAL' }); // b is a's parent: an ancestor
  });
});

describe('linux: ptrace (linux.md T8, R6-R8, R17)', () => {
  const linux = () => boot({ profile: 'linux' });

  test('root may attach to a process made undumpable by setuid (CAP_SYS_PTRACE)', () => {
    const d = linux();
    const c = d.fork(1);
    setuid(d, c, 1000);
    const t = d.fork(1);
    expect(d.own(ptrace(t, 'PT_ATTACH', c))).toMatchObject({ ret: 0 });
    expect(d.proc(c)!.oppid).toBe(0); // no reparent, no give-back (R6-R8)
  });

  test('T8: one\'s own thread id: PT_ATTACH EPERM, other requests ESRCH; another process\'s thread is not modelled', () => {
    const d = linux();
    const p = d.fork(1);
    const tid = thrNew(d, p);
    expect(d.own(ptrace(p, 'PT_ATTACH', tid))).toMatchObject({ errno: 'EPERM' });
    expect(d.own(ptrace(p, 'PT_CONTINUE', tid, 0))).toMatchObject({ errno: 'ESRCH' });
    const q = d.fork(1);
    expect(() => d.step(ptrace(q, 'PT_ATTACH', tid))).toThrow('ptrace: unsupported: PT_ATTACH to thread');
  });

  test('T8: PT_ATTACH to a zombie is EPERM; to no process, and any other request on a zombie, ESRCH', () => {
    const d = linux();
    const p = d.fork(1);
    const z = d.fork(p);
    d.step({ pid: z, call: 'exit', code: 0 });
    expect(d.own(ptrace(p, 'PT_ATTACH', z))).toMatchObject({ errno: 'EPERM' });
    expect(d.own(ptrace(p, 'PT_CONTINUE', z, 0))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(ptrace(p, 'PT_ATTACH', 99))).toMatchObject({ errno: 'ESRCH' });
  });

  test('T8: requests other than PT_ATTACH need only the tracer: one that gave up root still resumes its root tracee', () => {
    const d = linux();
    const c = d.fork(1);
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    setuid(d, t, 1000);
    expect(d.own(ptrace(t, 'PT_CONTINUE', c, 0))).toMatchObject({ ret: 0 });
  });

  test('a request on init that is not PT_ATTACH finds it untraced (ESRCH); init\'s own PT_TRACE_ME is not modelled', () => {
    const d = linux();
    const t = d.fork(1);
    expect(d.own(ptrace(t, 'PT_CONTINUE', 1, 0))).toMatchObject({ errno: 'ESRCH' });
    expect(() => d.step(ptrace(1, 'PT_TRACE_ME', 0))).toThrow('ptrace: unsupported: PT_TRACE_ME by init, whose parent is outside the model');
  });

  test('R6: PT_DETACH leaves the tracee its real parent\'s child, untraced', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    d.step(ptrace(t, 'PT_DETACH', c, 0));
    expect(d.proc(c)).toMatchObject({ ppid: p, flags: [] });
    expect(d.own(ptrace(t, 'PT_CONTINUE', c, 0))).toMatchObject({ errno: 'ESRCH' }); // T8: no longer traced
  });
});
