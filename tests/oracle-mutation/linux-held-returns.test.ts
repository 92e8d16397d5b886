import type { StepResult } from '../../interleaving';
import { boot, exit, kill, ptrace, wait4, type Driver } from '../oracle/driver';
import { isStopped } from './signal-steps';

/**
 * Linux returns held until the signals pending at the syscall's exit are dealt with (profile rows
 * vforkReturnAfterSignals and waitReturnAfterSignals): a vfork parent's return waits only for
 * SIGSTOP (held while stopped on it) and SIGKILL (no return), as the host's puppet answers before
 * any signal it can hold back; a woken wait's return waits for every unblocked signal.
 */
describe('linux: held returns', () => {
  const linux = () => boot({ profile: 'linux' });
  const returnsOf = (r: StepResult, pid: number) => r.observations.filter((o) => o.pid === pid && o.call !== 'kill' && o.call !== 'ptrace');

  /** P vforks V (P sleeps in ppwait; its child's pid is read off the sleep). */
  function vforked(d: Driver, p: number): number {
    d.step({ pid: p, call: 'vfork' });
    return (d.proc(p)!.sleeping as { child: number }).child;
  }

  test('a vfork parent with SIGTERM pending at its release returns first, then dies of it', () => {
    const d = linux();
    const p = d.fork(1);
    const v = vforked(d, p);
    d.step(kill(1, p, 'SIGTERM')); // the ppwait sleep is killable only by SIGKILL: pending
    const r = d.step(exit(v, 0));
    expect(returnsOf(r, p)).toEqual([{ step: 1, pid: p, call: 'vfork', kind: 'return', ret: v }]);
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 15 });
  });

  test('the same after a wait of its own was held and returned: that hold was the wait\'s, not this vfork\'s', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(wait4(p, c));
    expect(returnsOf(d.step(exit(c, 0)), p)).toEqual([{ step: 2, pid: p, call: 'wait4', kind: 'return', ret: c, status: 0 }]);
    const v = vforked(d, p);
    d.step(kill(1, p, 'SIGTERM'));
    expect(returnsOf(d.step(exit(v, 0)), p)).toEqual([{ step: 4, pid: p, call: 'vfork', kind: 'return', ret: v }]);
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 15 });
  });

  test('a vfork parent with SIGSTOP pending at its release stops first; its return is seen when it is continued', () => {
    const d = linux();
    const p = d.fork(1);
    const v = vforked(d, p);
    d.step(kill(1, p, 'SIGSTOP'));
    expect(returnsOf(d.step(exit(v, 0)), p)).toEqual([]);
    expect(isStopped(d, p)).toBe(true);
    expect(returnsOf(d.step(kill(1, p, 'SIGCONT')), p)).toEqual([{ step: 1, pid: p, call: 'vfork', kind: 'return', ret: v }]);
  });

  test('a traced vfork parent held on its SIGSTOP and resumed with SIGTERM dies of it after its return; with SIGKILL it does not return', () => {
    for (const [sig, seen] of [['SIGTERM', true], ['SIGKILL', false]] as const) {
      const d = linux();
      const t = d.fork(1);
      const p = d.fork(t);
      d.step(ptrace(p, 'PT_TRACE_ME', 0));
      const v = vforked(d, p);
      d.step(kill(1, p, 'SIGSTOP'));
      d.step(exit(v, 0));
      expect(d.own(wait4(t, p))).toMatchObject({ ret: p, status: 0x137f }); // its SIGSTOP's delivery stop
      const r = d.step(ptrace(t, 'PT_CONTINUE', p, sig));
      expect(returnsOf(r, p)).toEqual([seen ? { step: 3, pid: p, call: 'vfork', kind: 'return', ret: v } : { step: 3, pid: p, call: 'vfork', kind: 'noreturn' }]);
      expect(d.proc(p)!.state).toBe('ZOMBIE');
    }
  });

  test('a traced vfork parent held on its SIGSTOP and resumed with SIGTSTP returns now, though stopped: only a SIGSTOP stop holds it', () => {
    const d = linux();
    const t = d.fork(1);
    const p = d.fork(t);
    d.step({ pid: p, call: 'setpgid', target: 0, pgid: 0 }); // a group qualified by T, so SIGTSTP stops it
    d.step(ptrace(p, 'PT_TRACE_ME', 0));
    const v = vforked(d, p);
    d.step(kill(1, p, 'SIGSTOP'));
    d.step(exit(v, 0));
    d.step(wait4(t, p));
    const r = d.step(ptrace(t, 'PT_CONTINUE', p, 'SIGTSTP'));
    expect(d.proc(p)).toMatchObject({ flags: ['TRACED', 'STOPPED_SIG'], xstat: 20 }); // stopped on SIGTSTP (20 on Linux)
    expect(returnsOf(r, p)).toEqual([{ step: 4, pid: p, call: 'vfork', kind: 'return', ret: v }]);
  });

  /** P, traced by its parent T (PT_TRACE_ME), sleeps in wait4(C, WUNTRACED); C stops: P's return is held. */
  function heldTracedWaiter() {
    const d = linux();
    const t = d.fork(1);
    const p = d.fork(t);
    d.step(ptrace(p, 'PT_TRACE_ME', 0));
    const c = d.fork(p);
    d.step(wait4(p, c, ['WUNTRACED']));
    const r = d.step(kill(1, c, 'SIGSTOP'));
    return { d, t, p, c, r };
  }

  test('a traced waiter woken by a child\'s stop trace-stops on the SIGCHLD first; wait4 returns when the tracer resumes it', () => {
    const { d, t, p, c, r } = heldTracedWaiter();
    expect(returnsOf(r, p)).toEqual([]);
    expect(d.own(wait4(t, p))).toMatchObject({ ret: p, status: 0x117f }); // SIGCHLD is 17 (linux.md §0.1)
    expect(returnsOf(d.step(ptrace(t, 'PT_CONTINUE', p, 0)), p)).toEqual([{ step: 4, pid: p, call: 'wait4', kind: 'return', ret: c, status: 0x137f }]);
  });

  test('a traced waiter held the same way and resumed with SIGTERM dies in its wait: no return', () => {
    const { d, t, p } = heldTracedWaiter();
    d.step(wait4(t, p));
    expect(returnsOf(d.step(ptrace(t, 'PT_CONTINUE', p, 'SIGTERM')), p)).toEqual([{ step: 4, pid: p, call: 'wait4', kind: 'noreturn' }]);
  });
});
