import { boot, exit, kill, ptrace, sigaction, wait4 } from './driver';

describe('fork1 (semantics.md §3.1) and the pid allocator (§3.2, §9.5)', () => {
  test('pids run up from lastpid; pidMax is never handed out; the wrap goes to the floor', () => {
    const d = boot({ pidMax: 6, pidFloor: 3 });
    expect([d.fork(1), d.fork(1), d.fork(1), d.fork(1)]).toEqual([2, 3, 4, 5]);
    d.step(exit(3, 0));
    d.step(wait4(1, 3));
    expect(d.fork(1)).toBe(3);
    expect(d.snap().lastpid).toBe(3);
  });

  test('a pid still used as a pgid is skipped (zombies hold theirs too)', () => {
    const d = boot({ pidMax: 8, pidFloor: 2 });
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: 0 });
    d.fork(c); // 4, in group 3
    d.step(exit(c, 0));
    d.step(wait4(p, c));
    expect([d.fork(1), d.fork(1), d.fork(1)]).toEqual([5, 6, 7]);
    d.step(exit(5, 0));
    expect(() => d.step({ pid: 1, call: 'fork' })).toThrow('no free pid');
    d.step(wait4(1, 5));
    expect(d.fork(1)).toBe(5);
  });

  test('step 3: EAGAIN at maxproc (maxproc - 10 for non-root); step 4: EAGAIN past RLIMIT_NPROC, zombies counting', () => {
    const d = boot({ maxproc: 12 });
    const u = d.fork(1); // nprocs 2 = maxproc - 10
    d.step({ pid: u, call: 'setuid', uid: 9 });
    expect(d.own({ pid: u, call: 'fork' })).toMatchObject({ errno: 'EAGAIN' });
    expect(d.own({ pid: 1, call: 'fork' })).toMatchObject({ ret: 3 });
    const root = boot({ maxproc: 4 });
    root.fork(1);
    root.fork(1);
    root.fork(1);
    expect(root.own({ pid: 1, call: 'fork' })).toMatchObject({ errno: 'EAGAIN' });
    const lim = boot({ nprocLimit: 2 });
    const a = lim.fork(1);
    lim.step({ pid: a, call: 'setuid', uid: 9 });
    const b = lim.fork(a);
    expect(lim.own({ pid: a, call: 'fork' })).toMatchObject({ errno: 'EAGAIN' });
    lim.step(exit(b, 0));
    expect(lim.own({ pid: a, call: 'fork' })).toMatchObject({ errno: 'EAGAIN' });
    lim.step(wait4(a, b));
    expect(lim.own({ pid: a, call: 'fork' })).toMatchObject({ ret: 4 });
    expect(lim.snap().uidCounts).toEqual({ 0: 1, 9: 2 });
  });

  test('rfork: RFKERNELONLY and RFFDG|RFCFDG are EINVAL; without RFPROC no process is made', () => {
    const d = boot();
    expect(d.own({ pid: 1, call: 'rfork', flags: ['RFPROC', 'RFPPWAIT'] })).toMatchObject({ errno: 'EINVAL' });
    expect(d.own({ pid: 1, call: 'rfork', flags: ['RFPROC', 'RFHIGHPID'] })).toMatchObject({ errno: 'EINVAL' });
    expect(d.own({ pid: 1, call: 'rfork', flags: ['RFPROC', 'RFFDG', 'RFCFDG'] })).toMatchObject({ errno: 'EINVAL' });
    expect(d.own({ pid: 1, call: 'rfork', flags: ['RFFDG'] })).toMatchObject({ ret: 0 });
    expect(d.snap().nprocs).toBe(1);
  });

  test('RFNOWAIT: the child belongs to init but joins the caller\'s group right after it', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    const c = d.own({ pid: p, call: 'rfork', flags: ['RFPROC', 'RFNOWAIT'] }).ret!;
    expect(d.proc(c)).toMatchObject({ ppid: 1, pgid: 2 });
    expect(d.proc(p)!.children).toEqual([]);
    expect(d.proc(1)!.children).toEqual([3, 2]);
  });

  test('RFSIGSHARE shares dispositions until exec', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.own({ pid: p, call: 'rfork', flags: ['RFPROC', 'RFSIGSHARE'] }).ret!;
    d.step(sigaction(c, 'SIGCHLD', 'catch'));
    expect(d.proc(p)!.sigchld.handler).toBe('catch');
    d.step({ pid: c, call: 'execve' });
    d.step(sigaction(c, 'SIGCHLD', 'SIG_IGN'));
    expect(d.proc(p)!.sigchld.handler).toBe('catch');
  });

  test('the child copies uid, mask, dispositions; not the pending signals, P_TRACED or the usage', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    d.step({ pid: p, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGUSR2'] });
    d.step(kill(1, p, 'SIGUSR2'));
    d.step(ptrace(p, 'PT_TRACE_ME', 0));
    d.step({ pid: p, call: 'run', ticks: 3 });
    const c = d.fork(p);
    expect(d.proc(c)).toMatchObject({ flags: [], pending: [], blocked: ['SIGUSR2'], ru: { utime: 0 }, oppid: 0, sigparent: 'SIGCHLD' });
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
  });

  test('vfork: the parent sleeps until the child execs; exit or exec clear P_PPWAIT', () => {
    const d = boot();
    expect(d.own({ pid: 1, call: 'vfork' })).toEqual({ step: 0, pid: 1, call: 'vfork', kind: 'sleep' });
    expect(d.proc(1)!.sleeping).toEqual({ chan: 'ppwait', step: 0, child: 2 });
    expect(d.proc(2)!.flags).toEqual(['PPWAIT']);
    const r = d.step({ pid: 2, call: 'execve', path: '/bin/true' });
    expect(r.observations).toEqual([
      { step: 1, pid: 2, call: 'execve', kind: 'return', ret: 0 },
      { step: 0, pid: 1, call: 'vfork', kind: 'return', ret: 2 },
    ]);
    expect(r.trace).toEqual([{ kind: 'wakeup', pid: 1, chan: 'ppwait' }]);
  });

  test('E10 (A): a vfork parent ignoring SIGCHLD with another child hangs until some other wakeup', () => {
    const d = boot();
    const p = d.fork(1); // 2
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    const c1 = d.fork(p); // 3
    d.own({ pid: p, call: 'vfork' }); // 4
    const r = d.step(exit(4, 0));
    expect(r.observations).toHaveLength(1);
    expect(d.proc(p)!.sleeping).toEqual({ chan: 'ppwait', step: 3, child: 4 });
    const r2 = d.step(kill(c1, c1, 'SIGSTOP'));
    expect(r2.observations[1]).toEqual({ step: 3, pid: 2, call: 'vfork', kind: 'return', ret: 4 });
  });

  test('E10 (B): a debugger attached to the vfork child is woken instead of the parent', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const dbg = d.fork(1); // 3
    d.own({ pid: p, call: 'vfork' }); // 4
    d.step(ptrace(dbg, 'PT_ATTACH', 4));
    d.step(exit(4, 0));
    expect(d.proc(p)!.sleeping).toMatchObject({ chan: 'ppwait' });
    expect(d.own(wait4(dbg, 4))).toMatchObject({ ret: 4, status: 0 });
    // The give-back to P wakes it: now it sees P_PPWAIT cleared.
    expect(d.results[d.results.length - 1].observations[1]).toEqual({ step: 2, pid: 2, call: 'vfork', kind: 'return', ret: 4 });
  });

  test('P_CONTROLT is inherited only while the session has its terminal', () => {
    const d = boot();
    const s = d.fork(1);
    d.step({ pid: s, call: 'setsid' });
    d.step({ pid: s, call: 'setctty' });
    expect(d.proc(d.fork(s))!.flags).toEqual(['CONTROLT']);
  });

  test('setuid: root may take any uid, others only their own; the per-uid counts follow the real uid', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.own({ pid: c, call: 'setuid', uid: 50 })).toMatchObject({ ret: 0 });
    expect(d.own({ pid: c, call: 'setuid', uid: 50 })).toMatchObject({ ret: 0 });
    expect(d.own({ pid: c, call: 'setuid', uid: 0 })).toMatchObject({ errno: 'EPERM' });
    expect(d.snap().uidCounts).toEqual({ 0: 1, 50: 1 });
    expect(d.own({ pid: c, call: 'getppid' })).toMatchObject({ ret: 1 });
    expect(d.own({ pid: 1, call: 'getppid' })).toMatchObject({ ret: 0 });
  });

  test('setuid takes the largest uid_t (32 bits unsigned) and refuses the next as a malformed step', () => {
    const d = boot();
    const c = d.fork(1);
    expect(() => d.step({ pid: c, call: 'setuid', uid: 2 ** 32 })).toThrow('setuid: uid must be a 32-bit unsigned integer, got 4294967296');
    expect(d.own({ pid: c, call: 'setuid', uid: 2 ** 32 - 1 })).toMatchObject({ ret: 0 });
    expect(d.snap().uidCounts).toEqual({ 0: 1, 4294967295: 1 });
  });
});
