import { boot, exit, kill, ptrace, sigaction, wait4, type Driver } from '../oracle/driver';
import { attachAndResume } from './linux-scenes';
import { isStopped as stopped, sigmask as mask } from './signal-steps';

/** Delivery at a crossing (semantics.md §3.9.3, §3.9.5; linux.md), with literal expectations. */

const CLD_EXITED = 1; // semantics.md §3.9.6

/** vfork from `pid`: the parent sleeps in ppwait, so the child's pid is read off its sleep. */
function vfork(d: Driver, pid: number): number {
  d.step({ pid, call: 'vfork' });
  const s = d.proc(pid)!.sleeping;
  if (s?.chan !== 'ppwait') throw new Error(`vfork by ${pid} did not sleep: ${JSON.stringify(s)}`);
  return s.child;
}

describe('FreeBSD: delivery (semantics.md §3.9.3)', () => {
  test('handled and ignored signals do not end the scan: every deliverable signal is taken at one crossing', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    d.step(sigaction(p, 'SIGUSR2', 'catch'));
    d.step(mask(p, 'SIG_BLOCK', ['SIGUSR1', 'SIGUSR2']));
    d.step(kill(p, p, 'SIGUSR2'));
    d.step(kill(p, p, 'SIGUSR1'));
    d.step(mask(p, 'SIG_UNBLOCK', ['SIGUSR1', 'SIGUSR2']));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGUSR1' }, { sig: 'SIGUSR2' }]); // lowest number first
  });

  test('a terminal stop that became orphaned while blocked is discarded at delivery, and the scan goes on', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(a);
    d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 }); // qualified by a (§3.12)
    d.step(sigaction(b, 'SIGUSR1', 'catch'));
    d.step(mask(b, 'SIG_BLOCK', ['SIGTSTP', 'SIGUSR1']));
    d.step(kill(a, b, 'SIGTSTP')); // not orphaned yet: pending
    d.step(kill(a, b, 'SIGUSR1'));
    d.step(exit(a, 0)); // b's group: jobc 0, nobody stopped, so no SIGHUP
    d.step(mask(b, 'SIG_UNBLOCK', ['SIGTSTP', 'SIGUSR1']));
    expect(stopped(d, b)).toBe(false);
    expect(d.proc(b)).toMatchObject({ pending: [], handled: [{ sig: 'SIGUSR1' }] });
  });

  test('a vfork child\'s pending stop is not an interrupting signal; a caught one ends its wait with EINTR (E20, §3.9.2 step 4)', () => {
    const d = boot();
    const p = d.fork(1);
    const v = vfork(d, p);
    d.fork(v);
    d.step(sigaction(v, 'SIGUSR1', 'catch'));
    d.step(wait4(v, -1));
    d.step(kill(1, v, 'SIGSTOP')); // P_PPWAIT: left pending (§3.9.2 step 10)
    const r = d.step(kill(1, v, 'SIGUSR1'));
    expect(r.observations[1]).toMatchObject({ pid: v, call: 'wait4', kind: 'return', errno: 'EINTR' });
    expect(d.proc(v)).toMatchObject({ pending: ['SIGSTOP'], handled: [{ sig: 'SIGUSR1' }] });
  });

  test('a killed waiter that must first wait for its rfork peers ends its wait at once (noreturn), before its sleep in exit1', () => {
    const d = boot();
    const l = d.fork(1);
    const peer = d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }).ret!;
    d.fork(l);
    d.step(wait4(l, -1));
    const r = d.step(kill(1, l, 'SIGKILL'));
    expect(r.observations).toContainEqual({ step: 3, pid: l, call: 'wait4', kind: 'noreturn' });
    // kern_exit.c:133-167: the leader kills its peer and sleeps until it is gone, then exits in the same step.
    expect([d.proc(l)!.state, d.proc(peer)!.state]).toEqual(['ZOMBIE', 'ZOMBIE']);
  });

  test('init takes no default action, for every pending signal it unblocks at once (§3.9.3: pid <= 1 ignores it)', () => {
    const d = boot();
    d.step(mask(1, 'SIG_BLOCK', ['SIGUSR1', 'SIGUSR2']));
    d.step(kill(1, 1, 'SIGUSR1'));
    d.step(kill(1, 1, 'SIGUSR2'));
    d.step(mask(1, 'SIG_UNBLOCK', ['SIGUSR1', 'SIGUSR2']));
    expect(d.proc(1)).toMatchObject({ state: 'NORMAL', pending: [] });
  });

  test('a traced vfork child takes its signals without ptracestop (§3.9.3: traced and not P_PPWAIT)', () => {
    const d = boot();
    const p = d.fork(1);
    const v = vfork(d, p);
    d.step(ptrace(v, 'PT_TRACE_ME', 0));
    d.step(kill(1, v, 'SIGUSR1'));
    expect(d.proc(v)).toMatchObject({ state: 'ZOMBIE', xstat: 30 }); // SIGUSR1 (30) kills by default
  });

  test('the first handler\'s choice stands: SIGHUP without SA_RESTART interrupts, a later SA_RESTART handler does not make the wait restart', () => {
    const d = boot();
    const s = d.fork(1);
    d.step({ pid: s, call: 'setsid' });
    const a = d.fork(s);
    d.step({ pid: a, call: 'setpgid', target: 0, pgid: 0 }); // group A, qualified by s
    const p = d.fork(a);
    const q = d.fork(a);
    d.fork(p);
    d.step(sigaction(p, 'SIGHUP', 'catch'));
    d.step(sigaction(p, 'SIGCONT', 'catch', ['SA_RESTART']));
    d.step(kill(s, q, 'SIGSTOP'));
    d.step(wait4(p, -1));
    const r = d.step(exit(a, 0)); // A orphaned with q stopped: SIGHUP then SIGCONT to p and q (§3.12)
    expect(r.observations).toContainEqual(expect.objectContaining({ pid: p, call: 'wait4', kind: 'return', errno: 'EINTR' }));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGHUP' }, { sig: 'SIGCONT' }]);
  });
});

describe('FreeBSD: the debugger\'s choice after ptracestop (semantics.md §3.9.5)', () => {
  /** P traces its child C (PT_TRACE_ME). */
  function traced() {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    return { d, p, c };
  }

  test('resumed with the same SIGCHLD, the handler gets the original record', () => {
    const { d, p, c } = traced();
    d.step(sigaction(c, 'SIGCHLD', 'catch'));
    const g = d.fork(c);
    d.step(exit(g, 4));
    expect(d.own(wait4(p, c))).toMatchObject({ ret: c, status: 0x147f }); // trace stop on SIGCHLD (20)
    d.step(ptrace(p, 'PT_CONTINUE', c, 'SIGCHLD'));
    expect(d.proc(c)!.handled).toEqual([{ sig: 'SIGCHLD', code: CLD_EXITED, from: g, status: 0x400 }]);
  });

  test('resumed with a different, blocked signal: it stays pending and is not acted on; the scan goes on to the next one', () => {
    const { d, p, c } = traced();
    d.step(mask(c, 'SIG_BLOCK', ['SIGUSR2']));
    d.step(kill(p, c, 'SIGUSR1'));
    d.step(wait4(p, c));
    d.step(kill(p, c, 'SIGHUP')); // E15: a traced, stopped process keeps it pending
    d.step(ptrace(p, 'PT_CONTINUE', c, 'SIGUSR2'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', pending: ['SIGHUP', 'SIGUSR2'] });
    expect(d.own(wait4(p, c, ['WNOHANG']))).toMatchObject({ ret: c, status: 0x17f }); // SIGHUP (1) goes through ptracestop
  });

  test('resumed with a stop signal, a tracee does not stop (§3.9.3: stop signals to a traced process are ignored)', () => {
    const { d, p, c } = traced();
    d.step(kill(p, c, 'SIGSTOP'));
    d.step(wait4(p, c));
    d.step(ptrace(p, 'PT_CONTINUE', c, 'SIGSTOP'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', flags: ['TRACED'], pending: [] });
  });
});

describe('linux: delivery', () => {
  const linux = () => boot({ profile: 'linux' });

  test('R15: a blocked ignored signal is pending; at delivery it is dropped and the scan goes on', () => {
    const d = linux();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGPROF', 'catch'));
    d.step(mask(p, 'SIG_BLOCK', ['SIGCHLD', 'SIGPROF', 'SIGUSR1']));
    d.step(sigaction(p, 'SIGUSR1', 'SIG_IGN'));
    for (const s of ['SIGCHLD', 'SIGPROF', 'SIGUSR1'] as const) d.step(kill(p, p, s));
    expect(d.own({ pid: p, call: 'sigpending' }).sigs).toEqual(['SIGCHLD', 'SIGPROF', 'SIGUSR1']); // in id order
    d.step(mask(p, 'SIG_UNBLOCK', ['SIGCHLD', 'SIGPROF', 'SIGUSR1'])); // SIGUSR1 10, SIGCHLD 17, SIGPROF 27
    expect(d.proc(p)).toMatchObject({ pending: [], handled: [{ sig: 'SIGPROF' }] });
  });

  test('W17: a default-kill signal to a waiter kills it; the wait does not rescan first (its return is not seen)', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(wait4(p, 0));
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: 0 }); // the wait sleeps on (R13)
    const r = d.step(kill(1, p, 'SIGTERM'));
    expect(r.observations[1]).toEqual({ step: 2, pid: p, call: 'wait4', kind: 'noreturn' });
  });

  test('attachStopOnThreadQueue: the attach\'s SIGSTOP is taken before a SIGTERM kill(2) queued, even after signals were taken before', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step(kill(p, c, 'SIGUSR1')); // one signal taken: the thread queue is empty again
    d.step(kill(p, c, 'SIGSTOP'));
    d.step(kill(p, c, 'SIGTERM')); // stopped: pending on the process queue
    const t = d.fork(1);
    attachAndResume(d, t, c);
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c, status: 0x137f }); // SIGSTOP (19) before SIGTERM (15)
  });

  test('a tracee resumed with a blocked signal keeps it pending and goes on to its next signal', () => {
    const d = linux();
    const c = d.fork(1);
    const t = d.fork(1);
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step(mask(c, 'SIG_BLOCK', ['SIGUSR1']));
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    d.step(kill(1, c, 'SIGUSR2'));
    d.step(ptrace(t, 'PT_CONTINUE', c, 'SIGUSR1')); // ptrace_signal requeues a blocked signal
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c, status: 0xc7f }); // SIGUSR2 is 12 (linux.md §0.1)
    expect(d.proc(c)).toMatchObject({ pending: ['SIGUSR1'], handled: [] });
  });

  test('a tracee resumed with a caught signal runs the handler; its other pending signals stay', () => {
    const d = linux();
    const c = d.fork(1);
    const t = d.fork(1);
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step(mask(c, 'SIG_BLOCK', ['SIGUSR2']));
    d.step(kill(1, c, 'SIGUSR2'));
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    d.step(ptrace(t, 'PT_CONTINUE', c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ pending: ['SIGUSR2'], handled: [{ sig: 'SIGUSR1' }] });
  });

  test('stopAbandonsWait: the first handler after the stop decides (EINTR without SA_RESTART); a later SA_RESTART one does not change it', () => {
    const d = linux();
    const p = d.fork(1);
    d.fork(p);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    d.step(sigaction(p, 'SIGUSR2', 'catch', ['SA_RESTART']));
    d.step(wait4(p, -1));
    d.step(kill(1, p, 'SIGSTOP'));
    d.step(kill(1, p, 'SIGUSR1')); // stopped: both stay pending
    d.step(kill(1, p, 'SIGUSR2'));
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations[1]).toMatchObject({ pid: p, call: 'wait4', kind: 'return', errno: 'EINTR' });
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGUSR1' }, { sig: 'SIGUSR2' }]);
  });

  test('T4: a group stop the parent has heard of is reinstated silently at detach: no new report', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: 0x137f });
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    const r = d.step(ptrace(t, 'PT_DETACH', c, 0));
    expect(stopped(d, c)).toBe(true);
    expect(r.trace!.filter((e) => e.kind === 'stop')).toEqual([]);
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 });
  });
});
