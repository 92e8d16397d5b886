import { boot, exit, kill, wait4, type Driver } from '../oracle/driver';

/** Literal tests for job control's edges: setpgid's checks in order, fixjobc and pgdelete (semantics.md §3.11, §3.12). */
describe('job control: setpgid, fixjobc, pgdelete', () => {
  const pgrp = (d: Driver, pgid: number) => d.snap().pgrps.find((g) => g.pgid === pgid);
  /** A child of init that made its own session (and group): its pid. */
  const sessionLeader = (d: Driver) => {
    const a = d.fork(1);
    d.step({ pid: a, call: 'setsid' });
    return a;
  };

  test('§3.11 setpgid step 6: moving into one\'s own group changes nothing, not even the member order', () => {
    const d = boot();
    const a = sessionLeader(d);
    const b = d.fork(a); // fork puts the child right after its parent in the group's list
    const before = pgrp(d, a)!.members;
    expect(d.own({ pid: b, call: 'setpgid', target: 0, pgid: a })).toMatchObject({ ret: 0 });
    expect(pgrp(d, a)!.members).toEqual(before);
  });

  test('§3.11 setpgid step 7: joining another group of the caller\'s own session is allowed', () => {
    const d = boot();
    const a = sessionLeader(d);
    const b = d.fork(a);
    const c = d.fork(a);
    d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 });
    expect(d.own({ pid: c, call: 'setpgid', target: 0, pgid: b })).toMatchObject({ ret: 0 });
    expect(d.proc(c)!.pgid).toBe(b);
  });

  test('§3.11 setpgid step 2: the caller\'s own pid as target is the caller itself, even after exec (no EACCES)', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'execve' });
    expect(d.own({ pid: p, call: 'setpgid', target: p, pgid: 0 })).toMatchObject({ ret: 0 });
    expect(d.proc(p)!.pgid).toBe(p);
  });

  test('§3.11 setpgid step 2: a grandchild in another session is EPERM', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step({ pid: c, call: 'setsid' });
    const g = d.fork(c); // in c's session, in group c, not its leader
    expect(d.own({ pid: p, call: 'setpgid', target: g, pgid: 0 })).toMatchObject({ errno: 'EPERM' });
    expect(d.proc(g)!.pgid).toBe(c);
  });

  test('§3.12 step 2: a zombie child does not count, so its parent joining the zombie\'s group leaves jobc at 1', () => {
    const d = boot();
    const a = sessionLeader(d);
    const p = d.fork(a);
    const c = d.fork(p);
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: 0 }); // C.jobc = 1 (p's group A, same session)
    d.step(exit(c, 0)); // X19: C leaves its group: C.jobc = 0; c stays a zombie member until reaped
    expect(pgrp(d, c)!.jobc).toBe(0);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: c }); // p's parent a is in group A: C.jobc = 1
    expect(pgrp(d, c)!.jobc).toBe(1); // leaving A, p's zombie child c unqualifies nothing
  });

  test('§3.12 step 2: a child in another session is not touched: its stopped group is not orphaned again', () => {
    const d = boot();
    const a = sessionLeader(d);
    const p = d.fork(a);
    const c = d.fork(p);
    d.step({ pid: c, call: 'setsid' }); // c's group is orphaned (jobc 0) and alone in its session
    d.step(kill(1, c, 'SIGSTOP'));
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 });
    expect(d.proc(c)).toMatchObject({ pending: [], state: 'NORMAL' }); // no SIGHUP/SIGCONT from orphanpg
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
  });

  test('§3.11 pgdelete: deleting a background group leaves the terminal\'s foreground group alone', () => {
    const d = boot();
    const a = sessionLeader(d);
    d.step({ pid: a, call: 'setctty' });
    const b = d.fork(a);
    d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 });
    d.step(exit(b, 0));
    d.step(wait4(a, b)); // the reap deletes group b (leavepgrp)
    expect(pgrp(d, b)).toBeUndefined();
    expect(d.snap().sessions.find((s) => s.sid === a)).toMatchObject({ tty: true, fg: a });
  });

  test('§3.11 setpgid step 2: a target whose parent chain loops without reaching the caller is ESRCH (the walk ends)', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(a);
    d.step({ pid: b, call: 'ptrace', req: 'PT_ATTACH', target: a, data: 0 }); // a and b are each other's parents
    expect(d.own({ pid: 1, call: 'setpgid', target: a, pgid: 0 })).toMatchObject({ errno: 'ESRCH' });
  });
});

describe('linux: setpgid', () => {
  test('a thread id is not a thread group leader: EINVAL, not ESRCH', () => {
    const d = boot({ profile: 'linux' });
    const p = d.fork(1);
    expect(d.own({ pid: p, call: 'thr_new' })).toMatchObject({ ret: 0 }); // on linux the thread takes the next pid
    const t = d.snap().lastpid;
    expect(t).toBe(p + 1);
    expect(d.own({ pid: 1, call: 'setpgid', target: t, pgid: 0 })).toMatchObject({ errno: 'EINVAL' });
  });

  test('the caller\'s own pid is the caller (not "not my child")', () => {
    const d = boot({ profile: 'linux' });
    const p = d.fork(1);
    expect(d.own({ pid: p, call: 'setpgid', target: p, pgid: 0 })).toMatchObject({ ret: 0 });
  });
});
