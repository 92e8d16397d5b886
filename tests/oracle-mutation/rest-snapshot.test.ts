import { boot, exit, kill, sigaction, wait4 } from '../oracle/driver';

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
});
