import { boot, kill, ptrace, sigaction, wait4 } from '../oracle/driver';

/**
 * FreeBSD: an interrupted wait's EINTR or ERESTART is decided when the interrupting signal is
 * posted (semantics.md §3.9.2 step 4, intrval; step 10 aborts the sleep with it), not by the handler
 * that runs later. A traced waiter interrupted by a SIGSTOP (never in ps_sigintr) and resumed by its
 * debugger with a SIGUSR2 whose handler lacks SA_RESTART runs that handler, and its wait restarts.
 */
describe('FreeBSD: the restart decision of an interrupted wait', () => {
  /** P catches SIGUSR2 without SA_RESTART and sleeps in wait4 for its live child; X, a child of init, attaches to P. */
  function tracedWaiter() {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(sigaction(p, 'SIGUSR2', 'catch'));
    const x = d.fork(1);
    d.step(wait4(p, -1));
    d.step(ptrace(x, 'PT_ATTACH', p)); // the attach's SIGSTOP interrupts the wait: ERESTART
    expect(d.own(wait4(x, p))).toMatchObject({ ret: p, status: 0x117f }); // SIGSTOP's delivery stop (17)
    return { d, p, x };
  }

  const ownObservations = (r: { observations: { pid: number }[] }, pid: number) => r.observations.filter((o) => o.pid === pid);

  test('the debugger\'s SIGUSR2 runs its handler, and the wait restarts: it sleeps again, no EINTR', () => {
    const { d, p, x } = tracedWaiter();
    const r = d.step(ptrace(x, 'PT_CONTINUE', p, 'SIGUSR2'));
    expect(ownObservations(r, p)).toEqual([]);
    expect(d.proc(p)).toMatchObject({ sleeping: { chan: 'wait' }, handled: [{ sig: 'SIGUSR2' }] });
  });

  test('the same a second time: the first interrupted call\'s decision does not carry over to the next', () => {
    const { d, p, x } = tracedWaiter();
    d.step(ptrace(x, 'PT_CONTINUE', p, 'SIGUSR2')); // the wait restarts
    d.step(kill(1, p, 'SIGSTOP')); // interrupts the restarted wait: ERESTART again
    d.step(wait4(x, p));
    const r = d.step(ptrace(x, 'PT_CONTINUE', p, 'SIGUSR2'));
    expect(ownObservations(r, p)).toEqual([]);
    expect(d.proc(p)).toMatchObject({ sleeping: { chan: 'wait' }, handled: [{ sig: 'SIGUSR2' }, { sig: 'SIGUSR2' }] });
  });
});
