import { boot, exit, kill, ptrace, wait4 } from './driver';

const setpgid = (pid: number, target: number, pgid: number) => ({ pid, call: 'setpgid' as const, target, pgid });

describe('setpgid, setsid (semantics.md §3.11)', () => {
  test('setpgid checks in order: EINVAL, ESRCH (missing, zombie, not a descendant), EPERM, EACCES', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    const g = d.fork(c); // 4
    const other = d.fork(1); // 5
    expect(d.own(setpgid(p, c, -1))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(setpgid(p, 99, 0))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(setpgid(p, other, 0))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(setpgid(p, g, 0))).toMatchObject({ ret: 0 }); // a grandchild qualifies (inferior)
    expect(d.own(setpgid(p, c, 7))).toMatchObject({ errno: 'EPERM' }); // no such group, not its pid
    d.step({ pid: other, call: 'setsid' });
    expect(d.own(setpgid(p, c, other))).toMatchObject({ errno: 'EPERM' }); // group of another session
    d.step({ pid: c, call: 'execve' });
    expect(d.own(setpgid(p, c, 0))).toMatchObject({ errno: 'EACCES' });
    d.step(exit(g, 0));
    expect(d.own(setpgid(c, g, 0))).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(setpgid(other, 0, 0))).toMatchObject({ errno: 'EPERM' }); // a session leader
    const x = d.fork(other); // 6, in session 5
    expect(d.own(setpgid(other, x, 0))).toMatchObject({ ret: 0 });
    expect(d.own({ pid: x, call: 'setsid' })).toMatchObject({ errno: 'EPERM' });
    const y = d.fork(other); // 7
    expect(d.own({ pid: y, call: 'setsid' })).toMatchObject({ ret: 7 });
    expect(d.own(setpgid(other, y, 5))).toMatchObject({ errno: 'EPERM' }); // target in another session
  });

  test('setpgid into the current group changes nothing; into another group of the session moves to its head', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(setpgid(p, 0, 0));
    expect(d.own(setpgid(p, p, p))).toMatchObject({ ret: 0 });
    expect(d.own(setpgid(p, c, p))).toMatchObject({ ret: 0 });
    expect(d.snap().pgrps).toEqual([
      { pgid: 1, sid: 1, members: [1], jobc: 0 },
      { pgid: 2, sid: 1, members: [3, 2], jobc: 1 },
    ]);
    expect(d.own({ pid: c, call: 'getpgid', target: 0 })).toMatchObject({ ret: 2 });
    expect(d.own({ pid: c, call: 'getsid', target: p })).toMatchObject({ ret: 1 });
  });

  test('setsid: EPERM for a group leader or when a group with the pid exists; otherwise a new session and group', () => {
    const d = boot();
    expect(d.own({ pid: 1, call: 'setsid' })).toMatchObject({ errno: 'EPERM' });
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(setpgid(p, 0, 0));
    d.step(setpgid(p, c, p));
    d.step(setpgid(p, p, 1));
    expect(d.own({ pid: p, call: 'setsid' })).toMatchObject({ errno: 'EPERM' });
    expect(d.own({ pid: c, call: 'setsid' })).toEqual({ step: 7, pid: 3, call: 'setsid', kind: 'return', ret: 3 });
    expect(d.snap().sessions).toContainEqual({ sid: 3, leader: 3, tty: false, fg: null });
    expect(d.snap().pgrps.map((g) => g.pgid)).toEqual([1, 3]);
  });
});

describe('fixjobc and orphanpg (semantics.md §3.12, kern_exit.c:347)', () => {
  test('a parent leaving orphans its child\'s group; with a stopped member all get SIGHUP then SIGCONT', () => {
    const d = boot();
    const sh = d.fork(1); // 2
    d.step({ pid: sh, call: 'setsid' });
    const j = d.fork(sh); // 3
    d.step(setpgid(j, 0, 0));
    const k = d.fork(j); // 4
    expect(d.snap().pgrps).toContainEqual({ pgid: 3, sid: 2, members: [3, 4], jobc: 1 });
    d.step(kill(k, k, 'SIGSTOP'));
    const r = d.step(exit(sh, 0));
    expect(d.snap().pgrps).toContainEqual({ pgid: 3, sid: 2, members: [3, 4], jobc: 0 });
    expect(r.trace!.filter((e) => e.kind === 'continue' || e.kind === 'exit')).toEqual([
      { kind: 'continue', pid: 4 },
      { kind: 'exit', pid: 2, xstat: 0 },
      { kind: 'exit', pid: 3, xstat: 1 },
      { kind: 'exit', pid: 4, xstat: 1 },
    ]);
  });

  test('an orphaned group with nobody stopped is left alone', () => {
    const d = boot();
    const sh = d.fork(1);
    d.step({ pid: sh, call: 'setsid' });
    const j = d.fork(sh);
    d.step(setpgid(j, 0, 0));
    d.step(exit(sh, 0));
    expect(d.proc(j)!.state).toBe('NORMAL');
  });

  test('E12: a ptrace reparent makes an exit decrement a group it never counted in: spurious SIGHUP/SIGCONT', () => {
    const d = boot();
    const sh = d.fork(1); // 2
    d.step({ pid: sh, call: 'setsid' });
    const p = d.fork(sh); // 3
    d.step(setpgid(p, 0, 0)); // group A = 3, jobc 1 (from P)
    const c = d.fork(p); // 4
    const e = d.fork(p); // 5
    d.step(kill(e, e, 'SIGSTOP'));
    const dd = d.fork(p); // 6
    d.step(setpgid(dd, 0, 0)); // group B = 6, jobc 1
    expect(d.snap().pgrps.filter((g) => g.pgid >= 3)).toEqual([
      { pgid: 3, sid: 2, members: [3, 5, 4], jobc: 1 },
      { pgid: 6, sid: 2, members: [6], jobc: 1 },
    ]);
    d.step(ptrace(dd, 'PT_ATTACH', c));
    d.step(wait4(dd, c));
    d.step(ptrace(dd, 'PT_CONTINUE', c, 0));
    d.step(exit(c, 0));
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 1 });
    expect(d.proc(e)).toMatchObject({ state: 'ZOMBIE', xstat: 1 });
  });

  test('setpgid runs the new group\'s fixjobc first: moving a child out qualifies its new group', () => {
    const d = boot();
    const sh = d.fork(1);
    d.step({ pid: sh, call: 'setsid' });
    const a = d.fork(sh);
    d.step(setpgid(sh, a, 0));
    expect(d.snap().pgrps).toContainEqual({ pgid: 3, sid: 2, members: [3], jobc: 1 });
    d.step(setpgid(sh, a, sh));
    expect(d.snap().pgrps.map((g) => g.pgid)).toEqual([1, 2]);
  });
});

describe('terminals (setctty, tcsetpgrp)', () => {
  test('setctty: EPERM unless a session leader without a terminal', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.own({ pid: c, call: 'setctty' })).toMatchObject({ errno: 'EPERM' });
    d.step({ pid: c, call: 'setsid' });
    expect(d.own({ pid: c, call: 'setctty' })).toMatchObject({ ret: 0 });
    expect(d.own({ pid: c, call: 'setctty' })).toMatchObject({ errno: 'EPERM' });
    expect(d.proc(c)!.flags).toEqual(['CONTROLT']);
  });

  test('tcsetpgrp: ENOTTY without a terminal or P_CONTROLT; EPERM for a group of another session or none', () => {
    const d = boot();
    expect(d.own({ pid: 1, call: 'tcsetpgrp', pgid: 1 })).toMatchObject({ errno: 'ENOTTY' });
    const s = d.fork(1); // 2
    d.step({ pid: s, call: 'setsid' });
    const early = d.fork(s); // 3
    d.step({ pid: s, call: 'setctty' });
    expect(d.own({ pid: early, call: 'tcsetpgrp', pgid: 2 })).toMatchObject({ errno: 'ENOTTY' });
    expect(d.own({ pid: s, call: 'tcsetpgrp', pgid: 1 })).toMatchObject({ errno: 'EPERM' });
    expect(d.own({ pid: s, call: 'tcsetpgrp', pgid: 42 })).toMatchObject({ errno: 'EPERM' });
    d.step(setpgid(s, early, 0));
    expect(d.own({ pid: s, call: 'tcsetpgrp', pgid: 3 })).toMatchObject({ ret: 0 });
    expect(d.snap().sessions).toContainEqual({ sid: 2, leader: 2, tty: true, fg: 3 });
    d.step(setpgid(s, early, 2)); // group 3 is deleted: the terminal forgets it
    expect(d.snap().sessions).toContainEqual({ sid: 2, leader: 2, tty: true, fg: null });
  });
});
