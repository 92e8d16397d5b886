import { boot, exit, kill, ptrace, sigaction, wait4 } from '../oracle/driver';

/**
 * Linux delivery to a tracee, with literal expectations: the attach's SIGSTOP goes on the thread's
 * own queue (taken first, profile attachStopOnThreadQueue) and leaves it when dequeued; a tracee
 * that dies does no more signal work, not even a continued notice get_signal had not made yet.
 */
describe('linux: delivery to a tracee', () => {
  const linux = () => boot({ profile: 'linux' });

  test('once the attach\'s SIGSTOP is taken, later signals go by number: a pending SIGTERM (15) comes before a pending SIGSTOP (19)', () => {
    const d = linux();
    const p = d.fork(1);
    const x = d.fork(1);
    d.step(ptrace(x, 'PT_ATTACH', p));
    expect(d.own(wait4(x, p))).toMatchObject({ ret: p, status: 0x137f });
    d.step(kill(1, p, 'SIGSTOP')); // p is trace-stopped: both stay pending (shared queue)
    d.step(kill(1, p, 'SIGTERM'));
    d.step(ptrace(x, 'PT_CONTINUE', p, 0));
    expect(d.own(wait4(x, p))).toMatchObject({ ret: p, status: 0x0f7f }); // next_signal: lowest number first
  });

  test('a tracee killed on its way out of a signal-delivery stop never announces the continue a SIGCONT left for get_signal', () => {
    const d = linux();
    d.step(sigaction(1, 'SIGCHLD', 'catch'));
    const a = d.fork(1);
    d.step({ pid: a, call: 'setsid' });
    const x = d.fork(a);
    const t = d.fork(x);
    const s = d.fork(x);
    d.step({ pid: t, call: 'setpgid', target: 0, pgid: 0 });
    d.step({ pid: s, call: 'setpgid', target: 0, pgid: t }); // T and S: a group anchored only by X
    d.step(kill(a, s, 'SIGSTOP'));
    d.step(kill(a, t, 'SIGSTOP')); // T's group stop
    d.step(ptrace(x, 'PT_ATTACH', t)); // the attach trap on the group stop (T3)
    d.step(wait4(x, t));
    d.step(ptrace(x, 'PT_CONTINUE', t, 0)); // T runs, and trace-stops on the attach's SIGSTOP
    d.step(kill(a, t, 'SIGCONT')); // ends T's group stop while it is traced: CLD_CONTINUED is left for get_signal
    // X's exit detaches T (R3) and orphans T's group with S stopped (J1): SIGHUP then SIGCONT to T and S.
    // T leaves its stop without a rescan (no SIGNAL_CLD_MASK check there) and dies of SIGHUP: nothing is announced.
    d.step(exit(x, 0));
    expect(d.proc(t)).toMatchObject({ state: 'ZOMBIE', ppid: 1, xstat: 1 });
    expect(d.proc(1)!.handled.filter((h) => h.from === t)).toEqual([]); // no CLD_CONTINUED from the dead T
  });
});
