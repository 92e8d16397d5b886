import { boot, exit, kill, ptrace, run, sigaction, wait4, type Driver } from '../oracle/driver';
import { attachAndWait, orphanable } from './linux-scenes';

/**
 * More of the linux profile's exit: who is told of an exit, and which groups are newly orphaned,
 * with literal expectations from linux.md's rows (R1-R15, J1).
 */
describe('linux profile: notices of an exit, orphaned-group edges', () => {
  const linux = () => boot({ profile: 'linux' });

  test('R10: an auto-reaped child leaves the parent\'s children usage unchanged', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    d.step(run(c, 2));
    d.step(exit(c, 0));
    expect(d.proc(c)).toBeUndefined();
    expect(d.proc(p)).toMatchObject({ cru: { utime: 0 } });
  });

  test('R3: a tracer\'s exit detaches every tracee, two stopped ones and a running one alike', () => {
    const d = linux();
    const p = d.fork(1);
    const [c1, c2, c3] = [d.fork(p), d.fork(p), d.fork(p)];
    const t = d.fork(1);
    attachAndWait(d, t, c1);
    attachAndWait(d, t, c2);
    attachAndWait(d, t, c3);
    d.step(ptrace(t, 'PT_CONTINUE', c3, 0)); // c3 runs
    d.step(exit(t, 0));
    for (const c of [c1, c2, c3]) expect(d.proc(c)).toMatchObject({ state: 'NORMAL', flags: [], pending: [], ppid: p });
  });

  /** A session led by A; B and G in A's group (B is A's child, G is B's), G catching SIGHUP and SIGCONT, stopped. */
  const sameGroup = (d: Driver) => {
    const a = d.fork(1);
    d.step({ pid: a, call: 'setsid' });
    const b = d.fork(a);
    const g = d.fork(b);
    d.step(sigaction(g, 'SIGHUP', 'catch'));
    d.step(sigaction(g, 'SIGCONT', 'catch'));
    return { a, b, g };
  };

  test('J1: a group that was orphaned already (its leader\'s parent, init, is in another session) is not newly orphaned: nothing is sent', () => {
    const d = linux();
    const { a, b, g } = sameGroup(d);
    d.step(kill(a, g, 'SIGSTOP'));
    d.step(exit(b, 0)); // B's parent A is in B's own group: kill_orphaned_pgrp needs task_pgrp(parent) != pgrp
    expect(d.proc(g)).toMatchObject({ ppid: 1, flags: ['STOPPED_SIG'], handled: [] });
  });


  test('J1: a zombie member does not keep its group from being orphaned (will_become_orphaned_pgrp skips exit_state)', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    const z = d.fork(a);
    d.step({ pid: a, call: 'setpgid', target: z, pgid: b });
    d.step(exit(z, 0)); // A does not reap it: a zombie in B's group, its parent in another group of the session
    d.step(kill(a, g, 'SIGSTOP'));
    d.step(exit(b, 0));
    expect(d.proc(g)).toMatchObject({ flags: ['CONTINUED'], handled: [{ sig: 'SIGHUP' }, { sig: 'SIGCONT' }] });
  });

  test('J1: a member whose parent is in the group itself does not keep it from being orphaned', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    const h = d.fork(g); // in B's group, its parent G too
    d.step(sigaction(h, 'SIGHUP', 'catch'));
    d.step(kill(a, g, 'SIGSTOP'));
    d.step(exit(b, 0));
    expect(d.proc(g)).toMatchObject({ flags: ['CONTINUED'], handled: [{ sig: 'SIGHUP' }, { sig: 'SIGCONT' }] });
    expect(d.proc(h)).toMatchObject({ handled: [{ sig: 'SIGHUP' }, { sig: 'SIGCONT' }] });
  });

  test('R1, R13: an exit whose orphans are alive tells the reaper nothing: no wakeup of its unrelated wait, no SIGCHLD from the orphan', () => {
    const d = linux();
    d.step(sigaction(1, 'SIGCHLD', 'catch'));
    const h = d.fork(1);
    d.step({ pid: h, call: 'setpgid', target: 0, pgid: 0 });
    d.step(wait4(1, -h)); // init sleeps on group h
    const p = d.fork(h);
    const c = d.fork(p);
    d.step({ pid: h, call: 'setpgid', target: p, pgid: p });
    const r = d.step(exit(p, 0)); // P is H's child, not init's; its live child C goes to init
    expect(r.trace!.filter((e) => e.kind === 'wakeup' && e.pid === 1)).toEqual([]);
    expect(d.proc(1)!.handled.filter((x) => x.from === c)).toEqual([]);
    expect(d.proc(c)).toMatchObject({ ppid: 1, state: 'NORMAL' });
  });

  test('R9: a child traced by its own parent (PT_TRACE_ME) notifies that parent with the exit\'s siginfo', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(exit(c, 2));
    expect(d.proc(p)!.handled).toMatchObject([{ sig: 'SIGCHLD', code: 1, from: c }]); // CLD_EXITED
  });

  test('R10, R15: a parent ignoring SIGCHLD but blocking it still gets the SIGCHLD of a traced child (do_notify_parent skips the ignore for a tracee): it pends', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    d.step({ pid: p, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGCHLD'] });
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(exit(c, 2));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE' });
    expect(d.proc(p)).toMatchObject({ pending: ['SIGCHLD'] });
  });

  test('R8: the exit of a child traced by a stranger wakes only the tracer; a vfork parent is released at the exit, whoever waits', () => {
    const d = linux();
    const p = d.fork(1);
    const t = d.fork(1);
    const vforked = d.next;
    d.step({ pid: p, call: 'vfork' });
    const c = 4;
    attachAndWait(d, t, c);
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    const r = d.step(exit(c, 6)); // the tracer is not waiting
    expect(r.observations.slice(1)).toEqual([{ step: vforked, pid: p, call: 'vfork', kind: 'return', ret: c }]);
    const q = d.fork(1);
    const e = d.fork(q);
    attachAndWait(d, t, e);
    d.step(ptrace(t, 'PT_CONTINUE', e, 0));
    d.step(wait4(q, e)); // the real parent sleeps: R8, "a blocking wait blocks"
    expect(d.step(exit(e, 1)).trace!.filter((x) => x.kind === 'wakeup')).toEqual([]);
  });

  test('a vfork child traced by its own parent (PT_TRACE_ME) exits: the parent is woken once, and released', () => {
    const d = linux();
    const p = d.fork(1);
    const vforked = d.next;
    d.step({ pid: p, call: 'vfork' });
    const c = 3;
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    const r = d.step(exit(c, 0));
    expect(r.observations.slice(1)).toEqual([{ step: vforked, pid: p, call: 'vfork', kind: 'return', ret: c }]);
    expect(r.trace!.filter((x) => x.kind === 'wakeup')).toEqual([{ kind: 'wakeup', pid: p, chan: 'ppwait' }]);
  });
});
