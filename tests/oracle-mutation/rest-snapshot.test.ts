import { viewChanges } from '../../properties/invariants/lib/table-changes';
import { boot, exit, kill, ptrace, run, sigaction, wait4, type Driver } from '../oracle/driver';

/** The snapshot builder shares unchanged views: each change of a field the view shows must still reach the next snapshot. */
describe('snapshot views follow the kernel', () => {
  test('session 1\'s foreground group: none after its group is deleted, then group 1 again (tcsetpgrp)', () => {
    const d = boot();
    d.step({ pid: 1, call: 'setctty' }); // init leads session 1 (boot), so it may take a terminal
    const b = d.fork(1);
    d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 });
    d.step({ pid: 1, call: 'tcsetpgrp', pgid: b });
    expect(d.snap().sessions[0]).toMatchObject({ sid: 1, tty: true, fg: b });
    d.step(exit(b, 0));
    d.step(wait4(1, b)); // pgdelete: the terminal forgets the group (§3.11 doenterpgrp step 3)
    expect(d.snap().sessions[0]).toMatchObject({ sid: 1, tty: true, fg: null });
    expect(d.own({ pid: 1, call: 'tcsetpgrp', pgid: 1 })).toMatchObject({ ret: 0 });
    expect(d.snap().sessions[0]).toMatchObject({ sid: 1, tty: true, fg: 1 });
  });

  test('a stopped child\'s SIGCHLD record queued at init, then taken by init\'s handler: ksiQueuedAt 1, then null', () => {
    const d = boot();
    d.step(sigaction(1, 'SIGCHLD', 'catch'));
    d.step({ pid: 1, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGCHLD'] });
    const c = d.fork(1);
    d.step(kill(1, c, 'SIGSTOP')); // childproc_stopped: c's record is queued at its parent, blocked there
    expect(d.proc(c)!.ksiQueuedAt).toBe(1);
    d.step({ pid: 1, call: 'sigprocmask', how: 'SIG_UNBLOCK', sigs: ['SIGCHLD'] }); // the handler takes it
    expect(d.proc(1)!.handled.map((h) => h.from)).toEqual([c]);
    expect(d.proc(c)!.ksiQueuedAt).toBeNull();
  });

  test('init\'s exit changes nothing in the table but the panic, and the next snapshot shows it (kern_exit.c:124-128)', () => {
    const d = boot();
    expect(d.snap().panic).toBeNull();
    d.step(exit(1, 0));
    expect(d.snap().panic).toBe('init died (signal 0, exit 0)\nGoing nowhere without my init!');
  });

  test('a leader asleep in wait4, killed while its peer is trace-stopped, shows its sleep in exit1 (kern_exit.c:217-218)', () => {
    const d = boot();
    const l = d.fork(1); // 2
    d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }); // 3, l's peer
    const dbg = d.fork(1); // 4
    d.step(ptrace(dbg, 'PT_ATTACH', 3));
    d.step(wait4(dbg, 3));
    d.fork(l); // 5: a child for l to wait for
    expect(d.own(wait4(l, -1))).toMatchObject({ kind: 'sleep' });
    expect(d.proc(l)!.sleeping).toEqual({ chan: 'wait', step: 6 });
    d.step(kill(1, l, 'SIGKILL'));
    expect(d.proc(l)!.sleeping).toEqual({ chan: 'exit1', step: 7 });
  });

  test('a second wait4 on the same channel shows its own step, not the first one\'s', () => {
    const d = boot();
    const p = d.fork(1); // step 0
    const [c1, c2] = [d.fork(p), d.fork(p)]; // 1, 2
    d.step(wait4(p, c1)); // 3: sleeps
    expect(d.proc(p)!.sleeping).toEqual({ chan: 'wait', step: 3 });
    d.step(exit(c1, 0)); // 4: the wait returns
    d.step(wait4(p, c2)); // 5: sleeps again, on the same channel
    expect(d.proc(p)!.sleeping).toEqual({ chan: 'wait', step: 5 });
  });

  test('linux: after an exec dropped PS_NOCLDSTOP, the same sigaction again brings it back, the only change of the view', () => {
    const d = boot({ profile: 'linux' });
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGCHLD', 'SIG_IGN', ['SA_NOCLDSTOP']));
    d.step({ pid: c, call: 'execve', path: '/bin/x' }); // flush_signal_handlers: SIG_IGN and sa_flags stay, PS_NOCLDSTOP goes
    expect(d.proc(c)!.psFlags).toEqual(['PS_CLDSIGIGN']);
    d.step(sigaction(c, 'SIGCHLD', 'SIG_IGN', ['SA_NOCLDSTOP']));
    expect(d.proc(c)!.psFlags).toEqual(['PS_NOCLDSTOP', 'PS_CLDSIGIGN']);
  });

  test('processes with the same flag bits share one name list; an unchanged table gives back the same snapshot after another kernel\'s', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(1);
    expect(d.proc(a)!.flags).toBe(d.proc(b)!.flags);
    const first = d.snap();
    boot().snap(); // another kernel snapshotted in between: the builders of the last two are kept
    expect(d.snap()).toBe(first);
  });
});

/** Which views the builder shares, literally: ids reaped, reused after the pid wrap, new, and a view left unchanged between changed ones. */
describe('snapshot sharing', () => {
  const reap = (d: Driver, pid: number) => {
    d.step(exit(pid, 0));
    d.step(wait4(1, pid));
  };

  test('fresh, stale, created and freed in id order, a reused pid counting as changed, not created', () => {
    const d = boot({ pidMax: 9, pidFloor: 2 });
    for (let i = 0; i < 5; i++) d.fork(1); // pids 2-6
    reap(d, 4);
    const before = d.snap(); // 1, 2, 3, 5, 6
    reap(d, 2);
    reap(d, 6);
    expect([d.fork(1), d.fork(1), d.fork(1), d.fork(1)]).toEqual([7, 8, 2, 4]); // §3.2: the wrap at pidMax 9 goes back to the floor
    d.step(run(3, 5));
    const after = d.snap(); // 1, 2, 3, 4, 5, 7, 8; 5 unchanged
    const delta = viewChanges(before.procs, after.procs, (p) => p.pid);
    expect(delta.fresh.map((v) => v.pid)).toEqual([1, 2, 3, 4, 7, 8]);
    expect(delta.stale.map((v) => v.pid)).toEqual([1, 2, 3, 6]);
    expect(delta.created).toEqual([4, 7, 8]);
    expect(delta.freed).toEqual([6]);
    expect(after.procs.find((v) => v.pid === 5)).toBe(before.procs.find((v) => v.pid === 5));
  });
});

