import { boot, exit, kill, ptrace, sigaction, wait4 } from '../oracle/driver';
import { attachAndResume } from './linux-scenes';
import { block, isStopped as stopped, pendingOf as pending } from './signal-steps';

/** Posting signals (semantics.md §3.9.2) and the SIGCHLD records of stops (§3.9.4, §3.9.6), with literal expectations. */

const CLD_TRAPPED = 4; // semantics.md §3.9.6 (sys/signal.h)
const CLD_KILLED = 2;

describe('FreeBSD: posting (semantics.md §3.9.2)', () => {
  test('step 5: SIGCONT removes pending stop signals only; step 7: a held SIGCONT stays pending', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(block(p, ['SIGUSR1', 'SIGTSTP', 'SIGCONT']));
    d.step(kill(p, p, 'SIGUSR1'));
    d.step(kill(p, p, 'SIGTSTP'));
    expect(pending(d, p)).toEqual(['SIGTSTP', 'SIGUSR1']);
    d.step(kill(p, p, 'SIGCONT'));
    expect(pending(d, p)).toEqual(['SIGCONT', 'SIGUSR1']);
  });

  test('step 10: a caught stop signal runs its handler; the process does not stop', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGTSTP', 'catch'));
    d.step(kill(1, p, 'SIGTSTP'));
    expect(stopped(d, p)).toBe(false);
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGTSTP' }]);
  });

  test('step 7: a blocked stop signal to a stopped process stays pending; step 9: another default one is discarded', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(block(p, ['SIGTSTP']));
    d.step(kill(1, p, 'SIGSTOP'));
    d.step(kill(1, p, 'SIGTSTP'));
    expect(d.proc(p)!.pending).toEqual(['SIGTSTP']);
    const q = d.fork(1);
    d.step(kill(1, q, 'SIGSTOP'));
    d.step(kill(1, q, 'SIGSTOP')); // not a terminal stop: group 1's jobc 0 would discard that at posting
    expect(d.proc(q)).toMatchObject({ pending: [], flags: ['STOPPED_SIG'] });
  });

  test('step 9: a default SIGCONT ends the stop of a waiter and is discarded; it sleeps on', () => {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(wait4(p, -1));
    d.step(kill(1, p, 'SIGSTOP'));
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations).toHaveLength(1);
    expect(d.proc(p)).toMatchObject({ pending: [], flags: ['CONTINUED'], sleeping: { chan: 'wait' } });
  });

  test('step 10: a caught SIGCONT aborts a wait sleep (EINTR without SA_RESTART) and runs the handler', () => {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(sigaction(p, 'SIGCONT', 'catch'));
    d.step(wait4(p, -1));
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations[1]).toMatchObject({ pid: p, call: 'wait4', kind: 'return', errno: 'EINTR' });
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCONT' }]);
  });

  test('step 10: the discard of a default SIGCONT is part of aborting an interruptible sleep; a vfork parent\'s ppwait is not one (E10)', () => {
    const d = boot();
    const p = d.fork(1);
    d.own({ pid: p, call: 'vfork' });
    d.step(kill(1, p, 'SIGCONT'));
    expect(d.proc(p)).toMatchObject({ sleeping: { chan: 'ppwait' }, pending: ['SIGCONT'] });
  });

  test('a stop after a continue is reported again: each completed stop clears P_WAITED and notifies (§3.9.4)', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: 0x117f });
    d.step(kill(p, c, 'SIGCONT'));
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: 0x117f });
  });

  test('a wakeup held while the waiter was stopped is honoured once: a later stop and continue do not rescan', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 }); // not group 1, where wait4(0) is WAIT_ANY
    const c = d.fork(p);
    d.step(wait4(p, 0));
    d.step(kill(1, p, 'SIGSTOP'));
    d.step(kill(1, c, 'SIGSTOP')); // wakes p (childproc_jobstate), which is stopped: noticed at its continue
    d.step(kill(1, p, 'SIGCONT')); // p rescans: c stopped, no WUNTRACED, sleep on
    d.step(kill(1, c, 'SIGCONT')); // wakes p again: nothing to report, sleep on
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: 0 }); // no wakeup
    d.step(kill(1, p, 'SIGSTOP'));
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations).toHaveLength(1);
    expect(d.proc(p)!.sleeping).toMatchObject({ chan: 'wait' });
  });

  test('a stop and a continue of a waiter do not wake its wait: a child that left the group meanwhile does not end it (kern_exit.c:848 sleeps until a wakeup)', () => {
    const d = boot();
    const p = d.fork(1);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 }); // not group 1, where wait4(0) is WAIT_ANY
    const c = d.fork(p);
    d.step(wait4(p, 0)); // p's group: c is in it
    d.step({ pid: c, call: 'setpgid', target: 0, pgid: 0 }); // no wakeup for p
    d.step(kill(1, p, 'SIGSTOP'));
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations).toHaveLength(1);
    expect(d.proc(p)!.sleeping).toMatchObject({ chan: 'wait' });
  });
});

describe('FreeBSD: SIGCHLD for stops (semantics.md §3.9.4, §3.9.6)', () => {
  test('a tracee\'s stop gives its tracer-parent a CLD_TRAPPED record with the stop signal', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(p, c, 'SIGUSR1'));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: CLD_TRAPPED, from: c, status: 30 }]); // §1.2: SIGUSR1 is 30
  });

  test('SA_NOCLDSTOP: a caught SIGCHLD is not sent for a stop, but P_STATCHILD is set; the exit still sends it', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'catch', ['SA_NOCLDSTOP']));
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.proc(p)).toMatchObject({ handled: [], flags: ['STATCHILD'] });
    d.step(kill(p, c, 'SIGKILL'));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: CLD_KILLED, from: c, status: 9 }]); // the whole status word (E6)
  });
});

describe('linux: posting and stop notices', () => {
  const linux = () => boot({ profile: 'linux' });
  const STOP_STATUS = 0x137f; // linux.md §0.1: SIGSTOP 19
  const CONT_TRAP = 0x127f; // SIGCONT 18

  test('a default SIGCONT to an untraced waiter is discarded; a tracee\'s is queued for its tracer and trace-stops it', () => {
    const d = linux();
    const p = d.fork(1);
    d.fork(p);
    d.step(wait4(p, -1));
    d.step(kill(1, p, 'SIGCONT'));
    expect(d.proc(p)).toMatchObject({ pending: [], sleeping: { chan: 'wait' } });
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', p));
    expect(d.own(wait4(t, p))).toMatchObject({ ret: p, status: STOP_STATUS });
    d.step(ptrace(t, 'PT_CONTINUE', p, 0));
    d.step(kill(1, p, 'SIGCONT'));
    expect(d.own(wait4(t, p, ['WNOHANG']))).toMatchObject({ ret: p, status: CONT_TRAP });
  });

  test('a tracee whose tracer is its parent (PT_TRACE_ME): the parent gets a CLD_TRAPPED record with the signal', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(p, c, 'SIGUSR1'));
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: CLD_TRAPPED, from: c, status: 10 }]); // SIGUSR1 is 10 (linux.md §0.1)
  });

  test('tracedNeverIgnores: a terminal stop to a tracee in an orphaned group is not discarded at posting; it reaches the tracer', () => {
    const d = linux();
    const c = d.fork(1); // group 1: no member has a parent in another group, so it is orphaned (J1)
    const t = d.fork(1);
    attachAndResume(d, t, c);
    d.step(kill(1, c, 'SIGTSTP'));
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c, status: 0x147f }); // SIGTSTP is 20
  });

  test('SIGCHLD at SIG_IGN, blocked: no SIGCHLD is even sent for a child\'s stop (do_notify_parent_cldstop checks the handler)', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    d.step(block(p, ['SIGCHLD']));
    d.step(kill(p, c, 'SIGSTOP'));
    expect(stopped(d, c)).toBe(true);
    expect(pending(d, p)).toEqual([]);
  });

  test('T2: a tracer that is not the parent gets a plain SIGCHLD and P_STATCHILD for the attach stop; none with SA_NOCLDSTOP', () => {
    const d = linux();
    const c = d.fork(1);
    const t = d.fork(1);
    const u = d.fork(1);
    d.step(sigaction(t, 'SIGCHLD', 'catch'));
    d.step(sigaction(u, 'SIGCHLD', 'catch', ['SA_NOCLDSTOP']));
    d.step(ptrace(t, 'PT_ATTACH', c));
    expect(d.proc(t)).toMatchObject({ handled: [{ sig: 'SIGCHLD' }], flags: ['STATCHILD'] });
    const c2 = d.fork(1);
    d.step(ptrace(u, 'PT_ATTACH', c2));
    expect(d.proc(u)).toMatchObject({ handled: [], flags: ['STATCHILD'] });
  });

  test('a completed group stop ends the continued state: stop, continue, stop leaves nothing for WCONTINUED (SIGNAL_STOP_STOPPED)', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(p, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: STOP_STATUS });
    d.step(kill(p, c, 'SIGCONT'));
    d.step(kill(p, c, 'SIGSTOP')); // a new group stop: reported again (T4)
    expect(d.own(wait4(p, c, ['WCONTINUED', 'WNOHANG']))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: STOP_STATUS });
  });

  test('T4: a tracee\'s group stop under a tracer that is not its parent is told to the parent too, as CLD_STOPPED', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    const t = d.fork(1);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    d.step(ptrace(t, 'PT_CONTINUE', c, 'SIGSTOP')); // the tracer lets the attach's SIGSTOP through: a group stop
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGCHLD', code: 5, from: c, status: 19 }]); // CLD_STOPPED, SIGSTOP
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: c, status: STOP_STATUS });
  });

  test('SIGCONT to a running tracee that is in no group stop continues nothing: no WCONTINUED report', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    const t = d.fork(1);
    attachAndResume(d, t, c);
    d.step(kill(p, c, 'SIGCONT'));
    expect(d.own(wait4(p, c, ['WCONTINUED', 'WNOHANG']))).toMatchObject({ ret: 0 });
  });

  test('a SIGCONT during a SIGSTOP trace stop cancels that stop: resumed with SIGSTOP, the tracee trace-stops on the SIGCONT instead', () => {
    const d = linux();
    const c = d.fork(1);
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    expect(d.own(wait4(t, c))).toMatchObject({ status: STOP_STATUS });
    d.step(kill(1, c, 'SIGCONT')); // prepare_signal clears JOBCTL_STOP_DEQUEUED
    d.step(ptrace(t, 'PT_CONTINUE', c, 'SIGSTOP'));
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c, status: CONT_TRAP });
  });

  test('a SIGCONT ends the group stop a tracee kept: detached afterwards, it runs (no stop reinstated)', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(p, c, 'SIGSTOP')); // group stop
    const t = d.fork(1);
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(wait4(t, c));
    d.step(kill(p, c, 'SIGCONT'));
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c, status: CONT_TRAP });
    d.step(ptrace(t, 'PT_DETACH', c, 0));
    expect(stopped(d, c)).toBe(false);
    d.step(exit(c, 0));
    expect(d.proc(c)!.state).toBe('ZOMBIE');
  });
});

describe('linux: the continue of a group-stopped tracee is announced at its next get_signal (SIGNAL_CLD_CONTINUED)', () => {
  const CLD_STOPPED = 5;
  const CLD_CONTINUED = 6;

  test('not at the resume from a signal-delivery stop, nor at a call that unblocks nothing; at the next signal', () => {
    const d = boot({ profile: 'linux' });
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(kill(p, c, 'SIGSTOP')); // group stop: the parent hears CLD_STOPPED with SIGSTOP (19)
    const stop = { sig: 'SIGCHLD', code: CLD_STOPPED, from: c, status: 19 };
    const t = d.fork(1);
    attachAndResume(d, t, c); // the group stop stays in effect (groupStopOutlivesTrace)
    d.step(kill(1, c, 'SIGUSR2')); // c now sits in signal-delivery stops (the attach's SIGSTOP, then SIGUSR2)
    expect(d.own(wait4(t, c, ['WNOHANG']))).toMatchObject({ ret: c });
    d.step(kill(p, c, 'SIGCONT')); // ends the group stop: SIGNAL_CLD_CONTINUED; SIGCONT is queued for the tracer
    // Resumed from each delivery stop, c goes on in get_signal's loop: no announcement there.
    for (let i = 0; i < 4 && stopped(d, c); i++) {
      d.step(ptrace(t, 'PT_CONTINUE', c, 0));
      d.step(wait4(t, c, ['WNOHANG']));
    }
    expect(stopped(d, c)).toBe(false);
    expect(d.proc(p)!.handled).toEqual([stop]);
    d.step(block(c, [])); // recalc_sigpending: nothing newly deliverable, no get_signal
    expect(d.proc(p)!.handled).toEqual([stop]);
    d.step(kill(1, c, 'SIGUSR1'));
    const continued = { sig: 'SIGCHLD', code: CLD_CONTINUED, from: c, status: 18 };
    expect(d.proc(p)!.handled).toEqual([stop, continued]);
    d.step(wait4(t, c)); // the SIGUSR1 delivery stop
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    d.step(kill(1, c, 'SIGUSR1')); // the next get_signal: announced once only
    expect(d.proc(p)!.handled).toEqual([stop, continued]);
  });

  test('a pending SIGKILL replaced the signal flags (complete_signal): the parent hears no continue, and its wait is not interrupted', () => {
    const d = boot({ profile: 'linux' });
    const t = d.fork(1);
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(1, c, 'SIGSTOP'));
    d.step(ptrace(t, 'PT_ATTACH', c)); // the attach trap on the group stop
    d.step(kill(1, c, 'SIGCONT')); // ends the group stop: SIGNAL_CLD_CONTINUED, to be announced at c's next get_signal
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    expect(d.own(wait4(p, c))).toMatchObject({ kind: 'sleep' });
    const r = d.step(kill(1, c, 'SIGKILL')); // T5: c dies at once, in the get_signal that would have announced it
    expect(d.proc(c)!.state).toBe('ZOMBIE');
    expect(r.observations).toHaveLength(1); // R8: the zombie is its tracer's first, so p sleeps on
    expect(d.proc(p)!.handled ?? []).toEqual([]); // no CLD_CONTINUED record, no EINTR
  });

  test('to a tracer that is the parent the continue is told once (ptrace_reparented is false): one SIGCHLD delivery', () => {
    const d = boot({ profile: 'linux' });
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(1, c, 'SIGSTOP'));
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(ptrace(p, 'PT_ATTACH', c)); // the parent traces its own child; the attach trap is told with a plain SIGCHLD
    d.step(kill(1, c, 'SIGCONT'));
    const before = d.proc(p)!.handled!.length;
    d.step(ptrace(p, 'PT_CONTINUE', c, 0)); // announced, then c trace-stops on the SIGCONT: both SIGCHLDs coalesce
    expect(d.proc(p)!.handled!.slice(before)).toEqual([expect.objectContaining({ sig: 'SIGCHLD', from: c })]);
  });
});
