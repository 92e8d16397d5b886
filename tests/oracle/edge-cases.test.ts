import { boot, exit, kill, ptrace, sigaction, wait4 } from './driver';

/** Edge cases of semantics.md §5 not covered beside their seed lines elsewhere. */
describe('edge cases', () => {
  test('E17: the give-back ignores the receiving parent\'s SIG_IGN: it gets a zombie to reap', () => {
    const d = boot();
    const p = d.fork(1); // 2
    const c = d.fork(p); // 3
    const dbg = d.fork(1); // 4
    d.step(ptrace(dbg, 'PT_ATTACH', c));
    d.step(wait4(dbg, c));
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    d.step(exit(c, 0));
    d.step(wait4(dbg, c));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', ppid: 2 });
    expect(d.snap().uidCounts).toEqual({ 0: 4 });
    expect(d.own(wait4(p, -1))).toMatchObject({ ret: 3, status: 0 });
  });

  test('ptracestop substitution into an ignored or default-ignored signal just drops it', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGUSR1', 'SIG_IGN'));
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(wait4(1, c));
    d.step(ptrace(1, 'PT_CONTINUE', c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', pending: [], flags: ['TRACED'] });
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(wait4(1, c));
    d.step(ptrace(1, 'PT_CONTINUE', c, 'SIGWINCH'));
    expect(d.proc(c)).toMatchObject({ state: 'NORMAL', pending: [] });
  });

  test('a caught signal sent to a stopped process waits, and its handler runs once SIGCONT resumes it', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(sigaction(c, 'SIGUSR1', 'catch'));
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(kill(1, c, 'SIGUSR1'));
    expect(d.proc(c)).toMatchObject({ pending: ['SIGUSR1'], handled: [] });
    d.step(kill(1, c, 'SIGCONT'));
    expect(d.proc(c)).toMatchObject({ pending: [], handled: [{ sig: 'SIGUSR1' }] });
  });

  test('kern_exit.c:182: signals to a process already in exit1 are queued and discarded with it (L499-500)', () => {
    const d = boot();
    const l = d.fork(1);
    d.own({ pid: l, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] }); // 3
    const dbg = d.fork(1);
    d.step(ptrace(dbg, 'PT_ATTACH', 3));
    d.step(wait4(dbg, 3));
    d.step(exit(l, 0));
    d.step(kill(1, l, 'SIGSTOP'));
    d.step(kill(1, l, 'SIGTERM'));
    expect(d.proc(l)).toMatchObject({ flags: ['WEXIT'], pending: ['SIGTERM', 'SIGSTOP'] });
    d.step(ptrace(dbg, 'PT_KILL', 3));
    expect(d.proc(l)).toMatchObject({ state: 'ZOMBIE', pending: [], xstat: 0 });
  });

  test('E14: 0x13 is what WCONTINUED reports; it also reads as WIFSIGNALED at r176365 (decoded as continued, §9.3)', () => {
    const d = boot();
    const c = d.fork(1);
    d.step(kill(c, c, 'SIGSTOP'));
    d.step(kill(1, c, 'SIGCONT'));
    const o = d.own(wait4(1, c, ['WCONTINUED']));
    expect(o.status).toBe(0x13);
    expect((o.status as number) & 0x7f).toBe(19);
  });

  test('E19 vs E5: a faulting status pointer with WNOHANG and nothing to report still gives EFAULT', () => {
    const d = boot();
    d.fork(1);
    expect(d.own(wait4(1, -1, ['WNOHANG'], 'fault', 'null'))).toEqual({ step: 1, pid: 1, call: 'wait4', kind: 'return', errno: 'EFAULT' });
  });
});
