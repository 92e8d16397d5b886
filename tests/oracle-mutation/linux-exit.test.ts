import type { StepResult } from '../../interleaving';
import { boot, exit, kill, ptrace, sigaction, wait4, type Driver } from '../oracle/driver';
import { attachAndResume, orphanable } from './linux-scenes';

/**
 * The linux profile's exit paths (exit_ptrace, do_notify_parent, kill_orphaned_pgrp), with literal
 * expectations from linux.md's rows: what each row says the real kernel does.
 */
describe('linux profile: a tracer\'s exit, the real parent\'s notice, orphaned groups', () => {
  const linux = () => boot({ profile: 'linux' });
  const returnsOf = (r: StepResult, pid: number) => r.observations.filter((o) => o.pid === pid && o.kind === 'return');
  /** P, a child of init; C, its child; T, another child of init that will trace C. */
  const tracedByStranger = (d: Driver) => {
    const p = d.fork(1);
    const c = d.fork(p);
    const t = d.fork(1);
    return { p, c, t };
  };

  test('R3: a tracer exiting after it waited for the attach stop lets the tracee run; the stop signal is dropped', () => {
    const d = linux();
    const { p, c, t } = tracedByStranger(d);
    d.step(ptrace(t, 'PT_ATTACH', c));
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: 0x137f }); // SIGSTOP is 19 on Linux (§0.1)
    d.step(exit(t, 0));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', flags: [], pending: [], ppid: p });
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 }); // R3: "P's wait returns 0"
  });

  test('R4 with sigcontEndsTracedGroupStop: a group stop that a SIGCONT ended while traced does not outlive the tracer: the tracee runs on', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(p, c, 'SIGSTOP')); // group stop
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c)); // the attach trap on the group stop
    d.step(wait4(t, c));
    d.step(kill(p, c, 'SIGCONT')); // ends the group stop; c stays in the trap
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
    d.step(exit(t, 0)); // __ptrace_unlink wakes a tracee whose group stop is over
    expect(d.proc(c)!.flags).not.toContain('STOPPED_SIG');
    expect(d.own(wait4(p, c, ['WCONTINUED', 'WNOHANG']))).toMatchObject({ ret: c, status: 0xffff });
  });

  test('R3 (host fixture r03-tracer-exit-delivers-unwaited-stop): an attach stop nobody waited for becomes a group stop the parent sees', () => {
    const d = linux();
    const { p, c, t } = tracedByStranger(d);
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(exit(t, 0));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', flags: ['STOPPED_SIG'] });
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: 0x137f }); // R4: P gets 0x137f
  });

  test('R8: a tracer that exits without reaping passes the zombie to the real parent, whose blocked wait reaps and accumulates it', () => {
    const d = linux();
    const { p, c, t } = tracedByStranger(d);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    attachAndResume(d, t, c);
    d.step({ pid: c, call: 'run', ticks: 3 });
    const waiting = d.next;
    expect(d.own(wait4(p, c))).toMatchObject({ kind: 'sleep' }); // R8: "a blocking wait blocks" before T is done
    d.step(exit(c, 5));
    expect(d.proc(p)).toMatchObject({ handled: [], sleeping: { chan: 'wait' } }); // the tracer hears first
    const r = d.step(exit(t, 0));
    expect(returnsOf(r, p)).toEqual([{ step: waiting, pid: p, call: 'wait4', kind: 'return', ret: c, status: 0x500 }]);
    expect(d.proc(p)).toMatchObject({ cru: { utime: 3 }, handled: [{ sig: 'SIGCHLD', from: c }] }); // "P reaps and accumulates"; notified
  });

  test('R8 + R10: the passed-on zombie of a parent ignoring SIGCHLD is reaped at once, without usage', () => {
    const d = linux();
    const { p, c, t } = tracedByStranger(d);
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    attachAndResume(d, t, c);
    d.step({ pid: c, call: 'run', ticks: 2 });
    d.step(exit(c, 5));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', ppid: p }); // traced: not auto-reaped (do_notify_parent checks ptrace)
    d.step(exit(t, 0));
    expect(d.proc(c)).toBeUndefined();
    expect(d.proc(p)).toMatchObject({ cru: { utime: 0 } }); // R10: RUSAGE_CHILDREN unchanged
    expect(d.own(wait4(p, -1))).toMatchObject({ errno: 'ECHILD' });
  });


  test('J1: B\'s exit orphans its group (G\'s new parent, init, is in another session); G is stopped, so it gets SIGHUP then SIGCONT', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    d.step(kill(a, g, 'SIGSTOP'));
    d.step(exit(b, 0));
    expect(d.proc(g)).toMatchObject({ ppid: 1, flags: ['CONTINUED'], handled: [{ sig: 'SIGHUP' }, { sig: 'SIGCONT' }] });
  });

  test('J1: "B not stopped gives nothing"', () => {
    const d = linux();
    const { b, g } = orphanable(d);
    d.step(exit(b, 0));
    expect(d.proc(g)).toMatchObject({ ppid: 1, flags: [], handled: [] });
  });

  test('J1: a member whose parent is in another group of the session keeps the group from being orphaned', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    const h = d.fork(a);
    d.step({ pid: a, call: 'setpgid', target: h, pgid: b }); // H joins B's group; its parent A anchors it
    d.step(kill(a, g, 'SIGSTOP'));
    d.step(exit(b, 0));
    expect(d.proc(g)).toMatchObject({ flags: ['STOPPED_SIG'], handled: [] });
  });

  test('J1: the group of a reparented child is checked too: G alone in its own group is orphaned by B\'s exit', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    d.step({ pid: g, call: 'setpgid', target: 0, pgid: 0 });
    d.step(kill(a, g, 'SIGSTOP'));
    d.step(exit(b, 0));
    expect(d.proc(g)).toMatchObject({ ppid: 1, flags: ['CONTINUED'], handled: [{ sig: 'SIGHUP' }, { sig: 'SIGCONT' }] });
  });

  test('J1: a group left for another session (the child setsid\'s away) is not the exiting process\'s to orphan', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    const s = d.fork(b);
    d.step({ pid: s, call: 'setsid' }); // S leads a session of its own: its group is not in B's session
    d.step(kill(a, s, 'SIGSTOP'));
    d.step(exit(b, 0));
    expect(d.proc(s)).toMatchObject({ ppid: 1, flags: ['STOPPED_SIG'] });
    expect(d.proc(g)).toMatchObject({ flags: [] });
  });

  test('R1, R13: an adopted zombie is announced to the reaper, whose wait on that zombie\'s group wakes and reaps it', () => {
    const d = linux();
    const h = d.fork(1);
    d.step({ pid: h, call: 'setpgid', target: 0, pgid: 0 }); // group h, kept alive by H
    const p = d.fork(1);
    const c = d.fork(p);
    d.step({ pid: p, call: 'setpgid', target: c, pgid: h });
    const waiting = d.next;
    expect(d.own(wait4(1, -h))).toMatchObject({ kind: 'sleep' });
    d.step(exit(c, 4)); // P's zombie; P is not in group h, so its own exit does not wake init's wait (R13)
    expect(returnsOf(d.step(exit(p, 0)), 1)).toEqual([{ step: waiting, pid: 1, call: 'wait4', kind: 'return', ret: c, status: 0x400 }]);
  });

  test('R8: an adopted zombie that is traced is its tracer\'s first: the reaper is told only after the tracer\'s wait', () => {
    const d = linux();
    d.step(sigaction(1, 'SIGCHLD', 'catch'));
    const { p, c, t } = tracedByStranger(d);
    attachAndResume(d, t, c);
    d.step(exit(c, 4));
    d.step(exit(p, 0)); // C is adopted by init while still T's
    const fromC = () => d.proc(1)!.handled.filter((h) => h.from === c);
    expect(fromC()).toEqual([]);
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: 0x400 });
    expect(fromC()).toMatchObject([{ sig: 'SIGCHLD', code: 1 }]); // CLD_EXITED
  });

  test('R16: the namespace init\'s exit ends every process, a sleeper in wait4 too: its call never returns', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(wait4(p, c)); // step 2, asleep
    expect(d.step(exit(1, 0)).observations).toEqual([
      { step: 3, pid: 1, call: 'exit', kind: 'noreturn' },
      { step: 2, pid: p, call: 'wait4', kind: 'noreturn' },
    ]);
  });

  test('R10: "SIG_IGN delivers nothing", even with SIGCHLD blocked: an auto-reaped child or a passed-on zombie leaves nothing pending', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    d.step({ pid: p, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGCHLD'] });
    d.step(exit(c, 1));
    expect(d.proc(c)).toBeUndefined();
    const c2 = d.fork(p);
    const t = d.fork(1);
    attachAndResume(d, t, c2);
    d.step(exit(c2, 1));
    d.step(exit(t, 0));
    expect(d.proc(c2)).toBeUndefined();
    expect(d.proc(p)).toMatchObject({ pending: [] });
  });

  test('R8, R6: a vfork child traced by a stranger exits: the tracer\'s wait and the vfork parent are both released', () => {
    const d = linux();
    const p = d.fork(1);
    const t = d.fork(1);
    const vforked = d.next;
    d.step({ pid: p, call: 'vfork' }); // P sleeps; the child is 4
    const c = 4;
    attachAndResume(d, t, c);
    const waiting = d.next;
    expect(d.own(wait4(t, c))).toMatchObject({ kind: 'sleep' });
    expect(d.step(exit(c, 6)).observations.slice(1)).toEqual([
      { step: vforked, pid: p, call: 'vfork', kind: 'return', ret: c },
      { step: waiting, pid: t, call: 'wait4', kind: 'return', ret: c, status: 0x600 },
    ]);
  });
});
