import { boot, kill, ptrace, sigaction, wait4 } from '../oracle/driver';

/**
 * Linux, literal and pinned on the host by tests/linux/detach-passes-signal and pt-kill-sends-sigkill:
 * a signal PT_DETACH passes on is acted on before the group stop resumes, and PT_KILL is a plain
 * SIGKILL in every state. FreeBSD, by contrast: a stop does not abandon a wait (stopAbandonsWait).
 */
const stopWord = (signo: number) => (signo << 8) | 0x7f;

/** t traces c (the child of p), group-stopped; c's delivery stop on `sig` is reported to t. */
function inDeliveryStop(sig: 'SIGTERM' | 'SIGUSR1', signo: number, caught: boolean) {
  const d = boot({ profile: 'linux' });
  const t = d.fork(1);
  const p = d.fork(1);
  const c = d.fork(p);
  if (caught) d.step(sigaction(c, sig, 'catch'));
  d.step(kill(1, c, 'SIGSTOP'));
  d.step(ptrace(t, 'PT_ATTACH', c));
  d.step(kill(1, c, sig));
  d.step(ptrace(t, 'PT_CONTINUE', c, 0));
  expect(d.own(wait4(t, c))).toMatchObject({ status: stopWord(19) }); // the attach's SIGSTOP
  d.step(ptrace(t, 'PT_CONTINUE', c, 0));
  expect(d.own(wait4(t, c))).toMatchObject({ status: stopWord(signo) });
  return { d, t, p, c };
}

describe('linux: a signal the detach passes on comes before the group stop', () => {
  test('a fatal SIGTERM kills at the detach', () => {
    const { d, t, p, c } = inDeliveryStop('SIGTERM', 15, false);
    d.step(ptrace(t, 'PT_DETACH', c, 'SIGTERM'));
    expect(d.proc(c)!.state).toBe('ZOMBIE');
    expect(d.own(wait4(p, c, ['WNOHANG', 'WUNTRACED']))).toMatchObject({ ret: c, status: 15 });
  });

  test('a caught SIGUSR1 runs its handler, then c stops again on the group stop\'s signal', () => {
    const { d, t, p, c } = inDeliveryStop('SIGUSR1', 10, true);
    d.step(ptrace(t, 'PT_DETACH', c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', handled: [{ sig: 'SIGUSR1' }] });
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
    expect(d.proc(c)!.flags).not.toContain('TRACED');
    expect(d.own(wait4(p, c, ['WNOHANG', 'WUNTRACED']))).toMatchObject({ ret: c, status: stopWord(19) });
  });

  test('a SIGTSTP passed on stops c itself: the parent hears of a stop on SIGSTOP, the group stop\'s', () => {
    const { d, t, p, c } = inDeliveryStop('SIGUSR1', 10, true);
    d.step(ptrace(t, 'PT_DETACH', c, 'SIGTSTP'));
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
    expect(d.own(wait4(p, c, ['WNOHANG', 'WUNTRACED']))).toMatchObject({ ret: c, status: stopWord(19) });
  });

  test('no signal passed on: c stops again at once, and a SIGCONT continues it', () => {
    const { d, t, p, c } = inDeliveryStop('SIGUSR1', 10, true);
    d.step(ptrace(t, 'PT_DETACH', c, 0));
    expect(d.proc(c)).toMatchObject({ handled: [] });
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
    d.step(kill(1, c, 'SIGCONT'));
    expect(d.proc(c)!.flags).not.toContain('STOPPED_SIG');
    expect(d.own(wait4(p, c, ['WNOHANG', 'WCONTINUED']))).toMatchObject({ ret: c, status: 0xffff });
  });
});

describe('linux: PT_KILL is a plain SIGKILL', () => {
  test('it kills a tracee held in the attach\'s trap stop (attached while group-stopped)', () => {
    const d = boot({ profile: 'linux' });
    const c = d.fork(1);
    d.step(kill(1, c, 'SIGSTOP'));
    expect(d.own(wait4(1, -1, ['WUNTRACED']))).toMatchObject({ ret: c, status: stopWord(19) });
    d.step(ptrace(1, 'PT_ATTACH', c));
    expect(d.own(ptrace(1, 'PT_KILL', c))).toMatchObject({ ret: 0 });
    expect(d.own(wait4(1, -1, ['WNOHANG', 'WUNTRACED']))).toMatchObject({ ret: c, status: 9 });
  });
});

describe('FreeBSD r176365: a stop does not abandon a wait', () => {
  test('a waiter stopped, sent a caught SIGCHLD and continued rescans and reaps its child: no EINTR', () => {
    const d = boot();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    d.step(wait4(p, -1));
    d.step(kill(1, p, 'SIGSTOP'));
    d.step({ pid: c, call: 'exit', code: 0 });
    const r = d.step(kill(1, p, 'SIGCONT'));
    expect(r.observations.filter((o) => o.pid === p)).toMatchObject([{ call: 'wait4', ret: c }]);
  });
});
