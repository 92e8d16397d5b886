import { StepRejected } from '../../interleaving';
import { boot, exit, kill, ptrace, sigaction, wait4 } from './driver';

const EXIT_MD = (pid: number) => [
  { hook: 'vmspace_exit', pid },
  { hook: 'cpu_exit', pid },
  { hook: 'sched_exit', pid },
  { hook: 'thread_exit', pid },
  { hook: 'cpu_thread_exit', pid },
];

describe('exit1 (kern_exit.c:95-537)', () => {
  test('kern_exit.c:98: sys_exit passes W_EXITCODE(rval, 0), truncated to 16 bits at L444', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(1);
    const c = d.fork(1);
    d.step(exit(a, 256));
    d.step(exit(b, -1));
    d.step(exit(c, 3));
    expect(d.proc(a)!.xstat).toBe(0);
    expect(d.proc(b)!.xstat).toBe(0xff00);
    expect(d.own(wait4(1, c))).toMatchObject({ ret: 4, status: 0x300 });
  });

  test('kern_exit.c:124-128: init exiting panics; the kernel takes no more steps', () => {
    const d = boot();
    const r = d.step(exit(1, -1));
    expect(r.observations).toEqual([{ step: 0, pid: 1, call: 'exit', kind: 'noreturn' }]);
    expect(r.panic).toBe('init died (signal 0, exit -1)\nGoing nowhere without my init!');
    expect(d.snap().panic).toBe(r.panic);
    expect(() => d.step({ pid: 1, call: 'getppid' })).toThrow(StepRejected);
  });

  test('kern_exit.c:124-128: init calling abort2 logs, then panics with the signal', () => {
    const d = boot();
    const r = d.step({ pid: 1, call: 'abort2', why: 'x', nargs: 0, args: [] });
    expect(r.log).toEqual(['init(pid 1 uid 0) aborted: x']);
    expect(r.panic).toBe('init died (signal 6, exit 0)\nGoing nowhere without my init!');
  });

  test('kern_exit.c:133-167: the other threads exit first, each thread_exit calling cpu_thread_exit; hooks in seed order', () => {
    const d = boot();
    const c = d.fork(1);
    d.step({ pid: c, call: 'thr_new' });
    d.step({ pid: c, call: 'thr_new' });
    expect(d.proc(c)).toMatchObject({ threads: 3, flags: ['HADTHREADS'] });
    const r = d.step(exit(c, 0));
    expect(r.md).toEqual([
      { hook: 'thread_exit', pid: 2 }, { hook: 'cpu_thread_exit', pid: 2 },
      { hook: 'thread_exit', pid: 2 }, { hook: 'cpu_thread_exit', pid: 2 },
      ...EXIT_MD(2),
    ]);
    expect(d.proc(c)!.threads).toBe(1);
  });

  test('kern_exit.c:134: a process that never had threads goes straight on', () => {
    const d = boot();
    const c = d.fork(1);
    expect(d.step(exit(c, 0)).md).toEqual(EXIT_MD(2));
  });

  test('kern_exit.c:182, 208-220: a task leader marks P_WEXIT, SIGKILLs its peers and sleeps until they are gone', () => {
    const d = boot();
    const l = d.fork(1); // 2
    expect(d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] })).toMatchObject({ ret: 3 });
    expect(d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] })).toMatchObject({ ret: 4 });
    expect(d.proc(l)!.peers).toEqual([4, 3]);
    expect(d.proc(3)!.leader).toBe(2);
    const r = d.step(exit(l, 7));
    expect(r.observations).toEqual([
      { step: 3, pid: 2, call: 'exit', kind: 'sleep' },
      { step: 3, pid: 2, call: 'exit', kind: 'noreturn' },
    ]);
    expect(r.trace!.filter((e) => e.kind === 'exit')).toEqual([
      { kind: 'exit', pid: 4, xstat: 9 }, { kind: 'exit', pid: 3, xstat: 9 }, { kind: 'exit', pid: 2, xstat: 0x700 },
    ]);
    // kern_exit.c:422-440: the peers, zombies of the leader, go to init one by one at the head.
    expect(d.proc(1)!.children).toEqual([3, 4, 2]);
  });

  test('kern_exit.c:217-218 (E15): a leader waits as long as a peer is trace-stopped', () => {
    const d = boot();
    const l = d.fork(1); // 2
    d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }); // 3
    const dbg = d.fork(1); // 4
    d.step(ptrace(dbg, 'PT_ATTACH', 3));
    d.step(wait4(dbg, 3));
    expect(d.own(exit(l, 0))).toMatchObject({ kind: 'sleep' });
    expect(d.proc(l)).toMatchObject({ flags: ['WEXIT'], sleeping: { chan: 'exit1', step: 5 } });
    expect(() => d.step({ pid: l, call: 'getppid' })).toThrow('asleep in exit1');
    expect(d.own(ptrace(dbg, 'PT_ATTACH', l))).toMatchObject({ errno: 'ESRCH' });
    const r = d.step(ptrace(dbg, 'PT_KILL', 3));
    expect(r.observations.map((o) => [o.pid, o.kind])).toEqual([[4, 'return'], [2, 'noreturn']]);
  });

  test('kern_exit.c:235: exit clears P_TRACED and P_PPWAIT of the exiting process', () => {
    const d = boot();
    const v = d.own({ pid: 1, call: 'vfork' });
    expect(v).toEqual({ step: 0, pid: 1, call: 'vfork', kind: 'sleep' });
    d.step(ptrace(2, 'PT_TRACE_ME', 0));
    expect(d.proc(2)!.flags).toEqual(['PPWAIT', 'TRACED']);
    const r = d.step(exit(2, 0));
    expect(r.observations[1]).toEqual({ step: 0, pid: 1, call: 'vfork', kind: 'return', ret: 2 });
    expect(d.proc(2)!.flags).toEqual(['WEXIT']);
  });

  test('kern_exit.c:278-286: a peer leaves its leader\'s list; the leader, awake, just sees the shorter list', () => {
    const d = boot();
    const l = d.fork(1);
    d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }); // 3
    d.own({ pid: 3, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }); // 4, after 3
    expect(d.proc(l)!.peers).toEqual([3, 4]);
    expect(d.proc(4)!.leader).toBe(2);
    const r = d.step(exit(3, 0));
    expect(d.proc(l)!.peers).toEqual([4]);
    expect(r.trace!.some((e) => e.kind === 'wakeup')).toBe(false);
  });

  describe('kern_exit.c:290-346: a session leader\'s exit', () => {
    function session() {
      const d = boot();
      const s = d.fork(1); // 2
      d.step({ pid: s, call: 'setsid' });
      const early = d.fork(s); // 3: before the terminal, no P_CONTROLT
      d.step({ pid: s, call: 'setctty' });
      const fg = d.fork(s); // 4: inherits P_CONTROLT
      d.step({ pid: fg, call: 'setpgid', target: 0, pgid: 0 });
      d.step({ pid: early, call: 'setpgid', target: early, pgid: fg });
      d.step({ pid: s, call: 'tcsetpgrp', pgid: fg });
      return { d, s, early, fg };
    }

    test('L303-309: SIGHUP goes to the foreground members with P_CONTROLT only; L318-328 revoke; L344 no leader', () => {
      const { d, s, early, fg } = session();
      expect(d.proc(fg)!.flags).toEqual(['CONTROLT']);
      expect(d.proc(early)!.flags).toEqual([]);
      expect(d.snap().sessions).toContainEqual({ sid: 2, leader: 2, tty: true, fg: 4 });
      d.step(exit(s, 0));
      expect(d.proc(fg)).toMatchObject({ state: 'ZOMBIE', xstat: 1 });
      expect(d.proc(early)!.state).toBe('NORMAL');
      expect(d.snap().sessions).toContainEqual({ sid: 2, leader: null, tty: false, fg: null });
      // The revoked session has no terminal: children forked now get no P_CONTROLT (§3.12).
      const late = d.fork(early);
      expect(d.proc(late)!.flags).toEqual([]);
    });

    test('L305: with the foreground group gone, no SIGHUP, but the terminal is still revoked', () => {
      const { d, s, early, fg } = session();
      d.step({ pid: s, call: 'setpgid', target: fg, pgid: s });
      d.step({ pid: s, call: 'setpgid', target: early, pgid: s });
      expect(d.snap().sessions).toContainEqual({ sid: 2, leader: 2, tty: true, fg: null });
      const r = d.step(exit(s, 0));
      expect(r.trace!.filter((e) => e.kind === 'exit')).toEqual([{ kind: 'exit', pid: 2, xstat: 0 }]);
      expect(d.snap().sessions).toContainEqual({ sid: 2, leader: null, tty: false, fg: null });
    });

    test('L292, L296: a leader without a terminal only clears s_leader; a non-leader changes nothing', () => {
      const d = boot();
      const s = d.fork(1);
      d.step({ pid: s, call: 'setsid' });
      const m = d.fork(s);
      d.step(exit(m, 0));
      expect(d.snap().sessions).toContainEqual({ sid: 2, leader: 2, tty: false, fg: null });
      d.step(exit(s, 0));
      expect(d.snap().sessions).toContainEqual({ sid: 2, leader: null, tty: false, fg: null });
    });
  });

  test('kern_exit.c:403-407: from here pfind misses the process, but kill finds it (zpfind)', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(exit(c, 0));
    expect(d.own({ pid: 1, call: 'getpgid', target: c })).toMatchObject({ errno: 'ESRCH' });
    expect(d.own({ pid: 1, call: 'getsid', target: c })).toMatchObject({ errno: 'ESRCH' });
    expect(d.own(kill(1, c, 'SIGTERM'))).toMatchObject({ ret: 0 });
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', xstat: 0, pending: [] });
  });

  test('kern_exit.c:422-431 (E20): children go to init newest first, each at the head, so init sees them reversed; init is woken once', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const a = d.fork(p); // 3
    const b = d.fork(p); // 4
    d.step(exit(a, 1));
    expect(d.proc(p)!.children).toEqual([4, 3]);
    d.step(wait4(1, 3, ['WNOHANG']));
    const r = d.step(exit(p, 0));
    expect(d.proc(1)!.children).toEqual([3, 4, 2]);
    expect(r.trace!.filter((e) => e.kind === 'reparent')).toEqual([
      { kind: 'reparent', pid: 4, from: 2, to: 1 },
      { kind: 'reparent', pid: 3, from: 2, to: 1 },
    ]);
    expect(d.own(wait4(1, -1))).toMatchObject({ ret: 3, status: 0x100 });
    expect(d.own(wait4(1, -1))).toMatchObject({ ret: 2 });
    expect(b).toBe(4);
  });

  test('kern_exit.c:424-425: exit1 wakes init for the children it hands over, besides the parent wakeup at L512', () => {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(wait4(1, -1));
    const r = d.step(exit(p, 0));
    expect(r.trace!.filter((e) => e.kind === 'wakeup')).toEqual([
      { kind: 'wakeup', pid: 1, chan: 'wait' },
      { kind: 'wakeup', pid: 1, chan: 'wait' },
    ]);
    expect(r.observations[1]).toEqual({ step: 2, pid: 1, call: 'wait4', kind: 'return', ret: 2, status: 0 });
    const q = d.fork(1);
    d.step(wait4(1, q));
    const r2 = d.step(exit(q, 0));
    expect(r2.trace!.filter((e) => e.kind === 'wakeup')).toEqual([{ kind: 'wakeup', pid: 1, chan: 'wait' }]);
  });

  test('kern_exit.c:430: a reparented RFLINUXTHPN child signals its new parent with SIGCHLD again', () => {
    const d = boot();
    const p = d.fork(1);
    const t = d.own({ pid: p, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] }).ret!;
    d.step(exit(p, 0));
    expect(d.proc(t)).toMatchObject({ ppid: 1, sigparent: 'SIGCHLD' });
  });

  describe('kern_exit.c:458-482: a parent with PS_NOCLDWAIT or PS_CLDSIGIGN', () => {
    test.each([
      ['SA_NOCLDWAIT', sigaction(2, 'SIGCHLD', 'SIG_DFL', ['SA_NOCLDWAIT'])],
      ['SIG_IGN', sigaction(2, 'SIGCHLD', 'SIG_IGN')],
    ])('%s (E9): the child goes to init; a waiter for it sleeps on while a sibling lives, then gets ECHILD', (_n, act) => {
      const d = boot();
      const p = d.fork(1); // 2
      d.step(act);
      const c1 = d.fork(p); // 3
      const c2 = d.fork(p); // 4
      d.step(wait4(p, c2));
      const r = d.step(exit(c2, 0));
      expect(r.observations).toHaveLength(1);
      expect(d.proc(p)!.sleeping).toEqual({ chan: 'wait', step: 4 });
      expect(d.proc(c2)!.ppid).toBe(1);
      expect(r.trace).toContainEqual({ kind: 'reparent', pid: 4, from: 2, to: 1 });
      const r2 = d.step(exit(c1, 0));
      expect(r2.observations[1]).toEqual({ step: 4, pid: 2, call: 'wait4', kind: 'return', errno: 'ECHILD' });
      expect(d.own(wait4(1, -1))).toMatchObject({ ret: 3 });
    });

    test('init ignoring SIGCHLD keeps its own zombies (the reparent to itself is a no-op)', () => {
      const d = boot();
      d.step(sigaction(1, 'SIGCHLD', 'SIG_IGN'));
      expect(d.proc(1)!.psFlags).toEqual(['PS_CLDSIGIGN']);
      const c = d.fork(1);
      d.step(exit(c, 0));
      expect(d.own(wait4(1, -1))).toMatchObject({ ret: 2, status: 0 });
    });

    test('pid 1 can never set PS_NOCLDWAIT', () => {
      const d = boot();
      d.step(sigaction(1, 'SIGCHLD', 'SIG_DFL', ['SA_NOCLDWAIT', 'SA_NOCLDSTOP']));
      expect(d.proc(1)!.psFlags).toEqual(['PS_NOCLDSTOP']);
      expect(d.proc(1)!.sigchld).toEqual({ handler: 'SIG_DFL', flags: ['SA_NOCLDSTOP', 'SA_NOCLDWAIT'] });
    });
  });

  describe('kern_exit.c:484-491: who is told', () => {
    test('L487-488 (E6): a caught SIGCHLD carries CLD_EXITED with the whole status word', () => {
      const d = boot();
      const p = d.fork(1);
      d.step(sigaction(p, 'SIGCHLD', 'catch', ['SA_SIGINFO']));
      const c = d.fork(p);
      d.step(exit(c, 3));
      expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 1, from: 3, status: 768 }]);
    });

    test('L489-490: an RFLINUXTHPN child sends its parent SIGUSR1, which kills by default', () => {
      const d = boot();
      const p = d.fork(1);
      const t = d.own({ pid: p, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] }).ret!;
      d.step(exit(t, 0));
      expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 30 });
    });

    test('childproc_exited codes: CLD_KILLED for a signal, CLD_DUMPED for a core', () => {
      const d = boot();
      const p = d.fork(1);
      d.step(sigaction(p, 'SIGCHLD', 'catch'));
      const a = d.fork(p);
      const b = d.fork(p);
      d.step(kill(p, a, 'SIGTERM'));
      d.step(kill(p, b, 'SIGSEGV'));
      expect(d.proc(p)!.handled).toEqual([
        { sig: 'SIGCHLD', code: 2, from: 3, status: 15 },
        { sig: 'SIGCHLD', code: 3, from: 4, status: 0x8b },
      ]);
    });
  });

  test('kern_exit.c:494-500: signals still pending at exit are discarded', () => {
    const d = boot();
    const c = d.fork(1);
    d.step({ pid: c, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGUSR1'] });
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)!.pending).toEqual(['SIGUSR1']);
    d.step(exit(c, 0));
    expect(d.proc(c)!.pending).toEqual([]);
  });
});

describe('exit1 sleeping for peers (kern_exit.c:217-218)', () => {
  test('another wakeup of the leader (a child\'s exit) leaves it asleep while a peer remains', () => {
    const d = boot();
    const l = d.fork(1); // 2
    d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }); // 3
    const c = d.fork(l); // 4, an ordinary child
    const dbg = d.fork(1); // 5
    d.step(ptrace(dbg, 'PT_ATTACH', 3));
    d.step(wait4(dbg, 3));
    d.step({ pid: c, call: 'run', ticks: 0 });
    d.step(exit(l, 0));
    const r = d.step(exit(c, 0));
    expect(r.trace).toContainEqual({ kind: 'wakeup', pid: 2, chan: 'exit1' });
    expect(d.proc(l)!.sleeping).toEqual({ chan: 'exit1', step: 7 });
  });
});
