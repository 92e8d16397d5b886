import { boot, ptrace, sigaction } from '../oracle/driver';

/** fork1, thr_new, execve and setuid at their edges (semantics.md §3.1, §3.10; linux.md J3, T8). */
describe('fork, exec and credentials', () => {
  const setuid = (d: ReturnType<typeof boot>, pid: number, uid: number) => d.step({ pid, call: 'setuid', uid });

  test('§3.1 child set-up: P_CONTROLT is inherited only from a parent that has it, in a session with a tty', () => {
    const d = boot();
    const a = d.fork(1);
    d.step({ pid: a, call: 'setsid' });
    const early = d.fork(a); // forked before the session had a terminal: no P_CONTROLT
    d.step({ pid: a, call: 'setctty' });
    const late = d.fork(a);
    const grandchild = d.fork(early);
    expect(d.proc(late)!.flags).toContain('CONTROLT');
    expect(d.proc(early)!.flags).not.toContain('CONTROLT');
    expect(d.proc(grandchild)!.flags).not.toContain('CONTROLT');
  });

  test('§3.1: without RFSIGSHARE the child\'s sigacts are a copy: its sa_flags do not change the parent\'s', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(c, 'SIGCHLD', 'catch', ['SA_NOCLDSTOP']));
    expect(d.proc(c)!.sigchld).toEqual({ handler: 'catch', flags: ['SA_NOCLDSTOP'] });
    expect(d.proc(p)!.sigchld).toEqual({ handler: 'SIG_DFL', flags: [] });
  });

  test('setuid((uid_t)-1): EINVAL on linux before the permission check, the uid kept; taken by root on FreeBSD', () => {
    const noUid = 2 ** 32 - 1;
    const linux = boot({ profile: 'linux' });
    expect(setuid(linux, 1, noUid).observations[0]).toMatchObject({ kind: 'return', errno: 'EINVAL' });
    expect(linux.proc(1)!.uid).toBe(0);
    setuid(linux, 1, 1001);
    expect(setuid(linux, 1, noUid).observations[0]).toMatchObject({ kind: 'return', errno: 'EINVAL' });
    expect(setuid(linux, 1, noUid - 1).observations[0]).toMatchObject({ kind: 'return', errno: 'EPERM' });
    const freebsd = boot();
    expect(setuid(freebsd, 1, noUid).observations[0]).toMatchObject({ kind: 'return', ret: 0 });
    expect(freebsd.proc(1)!.uid).toBe(noUid);
  });

  test('kern_exec.c: a path ending in "/" has no last component: comm falls back to a.out (seen in abort2\'s log line)', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'execve', path: '/usr/bin/' });
    const r = d.step({ pid: p, call: 'abort2', why: null, nargs: 0, args: [] });
    expect(r.log[0].startsWith(`a.out(pid ${p} uid 0) aborted: `)).toBe(true); // kern_exit.c:593 "%s(pid %d uid %d) aborted: "
  });

  test('linux: other uids\' threads do not count against a uid\'s RLIMIT_NPROC', () => {
    const d = boot({ profile: 'linux', nprocLimit: 2 });
    d.step({ pid: 1, call: 'thr_new' }); // root's thread
    const p = d.fork(1);
    setuid(d, p, 1000);
    expect(d.own({ pid: p, call: 'fork' }).ret).toBeGreaterThan(0); // 1000 has 1 task; 2 ≤ 2
  });

  test('linux: a thread counts against its uid\'s RLIMIT_NPROC, so thr_new past the limit is EAGAIN', () => {
    const d = boot({ profile: 'linux', nprocLimit: 2 });
    const p = d.fork(1);
    setuid(d, p, 1000); // uid 1000: one task
    expect(d.own({ pid: p, call: 'thr_new' })).toMatchObject({ ret: 0 }); // two tasks: 2 ≤ 2
    expect(d.own({ pid: p, call: 'thr_new' })).toMatchObject({ errno: 'EAGAIN' }); // a third would pass the limit
  });

  test('linux: thr_new with no pid left for the thread id is rejected, naming pidMax', () => {
    const d = boot({ profile: 'linux', pidMax: 303 });
    // Thread ids take pids 2-302 (linux.md J3); after the wrap, 300-302 (above RESERVED_PIDS) are all taken.
    for (let tid = 2; tid < 303; tid++) expect(d.own({ pid: 1, call: 'thr_new' })).toMatchObject({ ret: 0 });
    expect(d.snap().lastpid).toBe(302);
    expect(() => d.step({ pid: 1, call: 'thr_new' })).toThrow('thr_new: no free pid below pidMax 303 for the thread id');
  });

  test('linux: exec makes a setuid process dumpable again: a same-uid tracer may attach (T8)', () => {
    const d = boot({ profile: 'linux' });
    const c = d.fork(1);
    setuid(d, c, 1000); // commit_creds: euid changed, so not dumpable
    const t = d.fork(1);
    setuid(d, t, 1000);
    expect(d.own(ptrace(t, 'PT_ATTACH', c))).toMatchObject({ errno: 'EPERM' });
    d.step({ pid: c, call: 'execve' }); // a plain binary: dumpable again
    expect(d.own(ptrace(t, 'PT_ATTACH', c))).toMatchObject({ ret: 0 });
  });

  test('linux: setuid to the uid one already has changes no credential, so dumpability stays', () => {
    const d = boot({ profile: 'linux' });
    const c = d.fork(1);
    setuid(d, c, 1000);
    d.step({ pid: c, call: 'execve' });
    expect(d.own({ pid: c, call: 'setuid', uid: 1000 })).toMatchObject({ ret: 0 });
    const t = d.fork(1);
    setuid(d, t, 1000);
    expect(d.own(ptrace(t, 'PT_ATTACH', c))).toMatchObject({ ret: 0 });
  });
});
