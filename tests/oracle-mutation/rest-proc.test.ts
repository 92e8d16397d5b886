import { boot, kill, sigaction, wait4 } from '../oracle/driver';

/** The end of a stop of a wait sleeper (kern_sig.c psignal on a stopped process, semantics.md §3.9.2 step 5). */
describe('a new process\'s signal state', () => {
  test('a caught SIGCONT that ends the stop of a wait sleeper nobody woke reaches its handler (kern_sig.c: caught SIGCONT stays pending)', () => {
    const d = boot();
    const c = d.fork(1);
    d.fork(c); // a live child, so c's wait sleeps
    d.step(sigaction(c, 'SIGCONT', 'catch'));
    d.step(wait4(c, -1));
    d.step(kill(1, c, 'SIGSTOP'));
    d.step(kill(1, c, 'SIGCONT')); // no wakeup came while stopped: nothing to rescan, SIGCONT is not discarded
    expect(d.proc(c)!.handled.map((h) => h.sig)).toEqual(['SIGCONT']);
  });
});
