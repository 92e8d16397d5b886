import { boot, exit, kill, sigaction, wait4 } from './driver';

const block = (pid: number, sigs: import('../../interleaving').SignalName[], how: 'SIG_BLOCK' | 'SIG_UNBLOCK' | 'SIG_SETMASK' = 'SIG_BLOCK') =>
  ({ pid, call: 'sigprocmask' as const, how, sigs });

/** A parent (pid 2) that catches SIGCHLD with it blocked, and its child (pid 3). */
function childOfBlockedCatcher() {
  const d = boot();
  const p = d.fork(1);
  d.step(sigaction(p, 'SIGCHLD', 'catch'));
  d.step(block(p, ['SIGCHLD']));
  return { d, p, c: d.fork(p) };
}

describe('kill(2) (semantics.md §3.9.1)', () => {
  test('range, lookup and permission: EINVAL, ESRCH, EPERM; the null signal only checks; zombies are found', () => {
    const d = boot();
    const a = d.fork(1); // 2
    const u = d.fork(1); // 3
    d.step({ pid: u, call: 'setuid', uid: 1000 });
    expect(d.own(kill(a, a, 129))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(kill(a, a, -1))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(kill(a, 77, 'SIGTERM'))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(kill(u, a, 'SIGTERM'))).toMatchObject({ errno: 'EPERM' });
    expect(d.own(kill(u, a, 0))).toMatchObject({ errno: 'EPERM' });
    expect(d.own(kill(a, u, 0))).toMatchObject({ ret: 0 });
    // SIGCONT is allowed within the session whatever the uids.
    expect(d.own(kill(u, a, 'SIGCONT'))).toMatchObject({ ret: 0 });
    // A valid number with no name passes the checks and does nothing (simplification).
    expect(d.own(kill(a, u, 40))).toMatchObject({ ret: 0 });
    expect(d.proc(u)!.state).toBe('NORMAL');
    d.step(exit(u, 0));
    expect(d.own(kill(a, u, 'SIGKILL'))).toMatchObject({ ret: 0 });
  });

  test('SIGTHR is allowed between rfork peers whatever the uids', () => {
    const d = boot();
    const l = d.fork(1);
    const peer = d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }).ret!;
    d.step({ pid: peer, call: 'setuid', uid: 7 });
    d.step(sigaction(l, 'SIGTHR', 'catch'));
    expect(d.own(kill(peer, l, 'SIGTHR'))).toMatchObject({ ret: 0 });
    expect(d.own(kill(peer, l, 'SIGUSR1'))).toMatchObject({ errno: 'EPERM' });
    expect(d.proc(l)!.handled).toEqual([{ sig: 'SIGTHR' }]);
  });

  test('kill(-1) skips init and the caller; ESRCH when nobody could be signalled', () => {
    const d = boot();
    const a = d.fork(1); // 2
    expect(d.own(kill(a, -1, 'SIGTERM'))).toMatchObject({ errno: 'ESRCH' });
    d.fork(1); // 3
    const c = d.fork(1); // 4
    d.step({ pid: c, call: 'setuid', uid: 5 });
    expect(d.own(kill(c, -1, 'SIGTERM'))).toMatchObject({ errno: 'ESRCH' });
    const r = d.step(kill(a, -1, 'SIGTERM'));
    expect(r.observations[0]).toMatchObject({ ret: 0 });
    // allproc order, newest first.
    expect(r.trace!.filter((e) => e.kind === 'exit')).toEqual([{ kind: 'exit', pid: 4, xstat: 15 }, { kind: 'exit', pid: 3, xstat: 15 }]);
    expect(d.proc(1)!.state).toBe('NORMAL');
    expect(d.proc(a)!.state).toBe('NORMAL');
  });

  test('kill(0) and kill(-pgid): group members (caller included); ESRCH for no group; zombie members count (E20)', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    expect(d.own(kill(p, 0, 'SIGUSR1'))).toMatchObject({ ret: 0 });
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
    expect(d.proc(c)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
    expect(d.own(kill(1, -99, 'SIGUSR1'))).toMatchObject({ errno: 'ESRCH' });
    d.step(exit(c, 0));
    d.step(exit(p, 0));
    expect(d.own(kill(1, -2, 'SIGTERM'))).toMatchObject({ ret: 0 });
    expect(d.own(kill(1, -1, 'SIGTERM'))).toMatchObject({ errno: 'ESRCH' });
  });
});

describe('kill(-pgid) without permission (semantics.md §3.9.1)', () => {
  test('a group whose members all fail p_cansignal gives ESRCH, not EPERM', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    const u = d.fork(1);
    d.step({ pid: u, call: 'setuid', uid: 5 });
    expect(d.own(kill(u, -p, 'SIGTERM'))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(kill(u, -p, 'SIGCONT'))).toMatchObject({ ret: 0 }); // same session
  });
});

describe('posting and delivery (semantics.md §3.9.2-3.9.6)', () => {
  test('E16: a default SIGCHLD is never pending; a blocked caught one is, one record per child', () => {
    const d = boot();
    const p = d.fork(1);
    const a = d.fork(p);
    d.step(exit(a, 0));
    expect(d.own({ pid: p, call: 'sigpending' })).toMatchObject({ sigs: [] });
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(block(p, ['SIGCHLD', 'SIGUSR1']));
    const b = d.fork(p);
    const c = d.fork(p);
    d.step(exit(b, 1));
    d.step(exit(c, 2));
    expect(d.own({ pid: p, call: 'sigpending' })).toEqual({ step: 10, pid: 2, call: 'sigpending', kind: 'return', ret: 0, sigs: ['SIGCHLD'] });
    expect(d.proc(b)!.ksiQueuedAt).toBe(2);
    d.step(block(p, ['SIGCHLD'], 'SIG_UNBLOCK'));
    expect(d.proc(p)!.handled).toEqual([
      { sig: 'SIGCHLD', code: 1, from: 4, status: 0x100 },
      { sig: 'SIGCHLD', code: 1, from: 5, status: 0x200 },
    ]);
    expect(d.proc(p)!.blocked).toEqual(['SIGUSR1']);
  });

  test('E16: reaping a child while SIGCHLD is blocked removes its record, so no handler call', () => {
    const { d, p, c } = childOfBlockedCatcher();
    d.step(exit(c, 0));
    d.step(wait4(p, c));
    d.step(block(p, [], 'SIG_SETMASK'));
    expect(d.proc(p)!.handled).toEqual([]);
  });

  test('§3.9.6: stop and continue records of one child coalesce in place while pending', () => {
    const { d, p, c } = childOfBlockedCatcher();
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(kill(p, c, 'SIGCONT'));
    d.step(block(p, ['SIGCHLD'], 'SIG_UNBLOCK'));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 6, from: 3, status: 19 }]);
  });

  test('§3.9.2 step 5: a new stop cancels an unreported continue and takes its record back', () => {
    const { d, p, c } = childOfBlockedCatcher();
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(kill(p, c, 'SIGCONT'));
    expect(d.proc(c)).toMatchObject({ flags: ['CONTINUED'], ksiQueuedAt: 2 });
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.proc(c)).toMatchObject({ flags: ['STOPPED_SIG'], ksiQueuedAt: 2 });
    d.step(block(p, ['SIGCHLD'], 'SIG_UNBLOCK'));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 5, from: 3, status: 17 }]);
  });

  test('SA_NOCLDSTOP: no SIGCHLD for stops, but P_STATCHILD and the wakeup still happen', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGCHLD', 'catch', ['SA_NOCLDSTOP']));
    const c = d.fork(p);
    d.fork(p);
    d.step(wait4(p, c, ['WUNTRACED']));
    const r = d.step(kill(c, c, 'SIGSTOP'));
    expect(r.observations[1]).toMatchObject({ pid: 2, call: 'wait4', ret: 3, status: 0x117f });
    expect(d.proc(p)!.handled).toEqual([]);
  });

  test('a stopped process: SIGTERM stays pending, another stop adds nothing, SIGCONT resumes it into the SIGTERM', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    const r = d.step(kill(1, c, 'SIGTERM'));
    expect(r.trace).toEqual([]);
    d.step(kill(1, c, 'SIGTSTP'));
    expect(d.proc(c)).toMatchObject({ flags: ['STOPPED_SIG'], pending: ['SIGTERM'] });
    const r2 = d.step(kill(1, c, 'SIGCONT'));
    expect(r2.trace).toEqual([{ kind: 'continue', pid: 2 }, { kind: 'exit', pid: 2, xstat: 15 }]);
  });

  test('a stopped process dies of SIGKILL at once', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(kill(1, c, 'SIGKILL'));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 9 });
  });

  test('a caught SIGCONT continues and runs the handler; a blocked one continues and stays pending', () => {
    const d = boot();
    const a = d.fork(1);
    d.step(sigaction(a, 'SIGCONT', 'catch'));
    d.step(kill(a, a, 'SIGSTOP'));
    d.step(kill(1, a, 'SIGCONT'));
    expect(d.proc(a)).toMatchObject({ flags: ['CONTINUED'], handled: [{ sig: 'SIGCONT' }] });
    const b = d.fork(1);
    d.step(block(b, ['SIGCONT']));
    d.step(kill(b, b, 'SIGSTOP'));
    d.step(kill(1, b, 'SIGCONT'));
    expect(d.proc(b)).toMatchObject({ flags: ['CONTINUED'], pending: ['SIGCONT'] });
    d.step(kill(1, b, 'SIGSTOP'));
    expect(d.proc(b)).toMatchObject({ flags: ['STOPPED_SIG'], pending: [] });
  });

  test('a default SIGCONT to a running or waiting process is discarded', () => {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(kill(1, p, 'SIGCONT'));
    expect(d.proc(p)!.pending).toEqual([]);
    d.step(wait4(p, -1));
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations).toHaveLength(1);
    expect(d.proc(p)).toMatchObject({ pending: [], sleeping: { chan: 'wait', step: 3 } });
  });

  test('§3.12: TTY stops to a member of an orphaned group (pgrp 1, jobc 0) are dropped; SIGSTOP still stops', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.snap().pgrps).toEqual([{ pgid: 1, sid: 1, members: [1, 2], jobc: 0 }]);
    d.step(kill(1, c, 'SIGTSTP'));
    d.step(kill(1, c, 'SIGTTIN'));
    expect(d.proc(c)).toMatchObject({ flags: [], pending: [] });
    d.step(kill(1, c, 'SIGSTOP'));
    expect(d.proc(c)!.flags).toEqual(['STOPPED_SIG']);
  });

  test('§3.9.3: init takes no default actions', () => {
    const d = boot();
    d.step(kill(1, 1, 'SIGTERM'));
    expect(d.proc(1)).toMatchObject({ state: 'NORMAL', pending: [] });
  });

  test('a stop of a waiting process suspends it in its sleep; a wakeup meanwhile is honoured when it continues', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(wait4(p, -1));
    d.step(kill(1, p, 'SIGSTOP'));
    expect(d.proc(p)).toMatchObject({ flags: ['STOPPED_SIG'], sleeping: { chan: 'wait', step: 2 } });
    const r = d.step(exit(c, 4));
    expect(r.observations).toHaveLength(1);
    const r2 = d.step(kill(1, p, 'SIGCONT'));
    expect(r2.observations[1]).toEqual({ step: 2, pid: 2, call: 'wait4', kind: 'return', ret: 3, status: 0x400 });
  });

  test('a stop signal for a vfork parent waits until the vfork ends', () => {
    const d = boot();
    const p = d.fork(1);
    d.own({ pid: p, call: 'vfork' }); // child 3
    d.step(kill(1, p, 'SIGSTOP'));
    expect(d.proc(p)).toMatchObject({ flags: [], pending: ['SIGSTOP'] });
    d.step(kill(1, p, 'SIGTERM'));
    const r = d.step(exit(3, 0));
    expect(r.observations[1]).toMatchObject({ pid: 2, call: 'vfork', ret: 3 });
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 15 });
  });

  test('SA_RESETHAND: the handler runs once, then the default kills', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGUSR1', 'catch', ['SA_RESETHAND']));
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 30 });
  });
});

describe('sigaction, sigprocmask, exec (semantics.md §3.10)', () => {
  test('EINVAL outside 1..128 and for catching SIGKILL or ignoring SIGSTOP; SIG_DFL for them is fine', () => {
    const d = boot();
    expect(d.own(sigaction(1, 0, 'catch'))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(sigaction(1, 129, 'catch'))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(sigaction(1, 'SIGKILL', 'catch'))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(sigaction(1, 'SIGSTOP', 'SIG_IGN'))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(sigaction(1, 'SIGKILL', 'SIG_DFL'))).toMatchObject({ ret: 0 });
    expect(d.own(sigaction(1, 100, 'catch'))).toMatchObject({ ret: 0 });
  });

  test('setting SIG_IGN deletes the pending signal; SIGKILL and SIGSTOP cannot be blocked', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(block(c, ['SIGUSR1', 'SIGKILL', 'SIGSTOP']));
    expect(d.proc(c)!.blocked).toEqual(['SIGUSR1']);
    d.step(kill(1, c, 'SIGUSR1'));
    d.step(sigaction(c, 'SIGUSR1', 'SIG_IGN'));
    expect(d.proc(c)!.pending).toEqual([]);
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)!.pending).toEqual([]);
  });

  test('E18: exec resets SIGCHLD SIG_IGN and the NOCLDWAIT flags; caught signals become default; other SIG_IGN survive', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGCHLD', 'SIG_IGN', ['SA_NOCLDWAIT']));
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step(sigaction(c, 'SIGUSR2', 'SIG_IGN'));
    expect(d.proc(c)!.psFlags).toEqual(['PS_NOCLDWAIT', 'PS_CLDSIGIGN']);
    d.step({ pid: c, call: 'execve', path: 'sh' });
    expect(d.proc(c)).toMatchObject({ psFlags: [], sigchld: { handler: 'SIG_DFL' }, flags: ['EXEC'] });
    const g = d.fork(c);
    d.step(exit(g, 0));
    expect(d.proc(g)!.ppid).toBe(c);
    d.step(kill(1, c, 'SIGUSR2'));
    expect(d.proc(c)!.state).toBe('NORMAL');
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 30 });
  });

  test('exec resets a caught SIGCHLD to default and drops its pending records', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGCHLD', 'catch'));
    d.step(block(c, ['SIGCHLD']));
    const g = d.fork(c);
    d.step(exit(g, 0));
    expect(d.proc(c)!.pending).toEqual(['SIGCHLD']);
    d.step({ pid: c, call: 'execve' });
    expect(d.proc(c)!.pending).toEqual([]);
  });
});
