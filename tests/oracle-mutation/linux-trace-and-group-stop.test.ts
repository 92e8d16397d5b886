import { boot, kill, ptrace, wait4 } from '../oracle/driver';

/**
 * Linux: what a group stop leaves behind across tracing — the thread queue a SIGCONT flushes, the
 * report the real parent already took, the signal a detach passes on. Literal expectations.
 */
const linux = () => boot({ profile: 'linux' });
const stopWord = (signo: number) => (signo << 8) | 0x7f;

describe('linux: SIGCONT flushes stop signals from every queue (prepare_signal), and only those', () => {
  test('after a SIGCONT no other signal sits on the thread queue: of SIGXCPU (24) and SIGSTOP (19) the lower number comes first', () => {
    const d = linux();
    const t = d.fork(1);
    const c = d.fork(t);
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(kill(1, c, 'SIGCONT')); // c trace-stops on it
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: stopWord(18) });
    d.step(kill(1, c, 'SIGXCPU'));
    d.step(kill(1, c, 'SIGSTOP')); // both wait on the process queue while c is trace-stopped
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: stopWord(19) });
  });

  test('the attach\'s SIGSTOP on the thread queue goes with a SIGCONT: a later SIGSTOP waits its turn behind SIGHUP (1)', () => {
    const d = linux();
    const t = d.fork(1);
    const c = d.fork(1);
    d.step(kill(1, c, 'SIGSTOP'));
    d.step(ptrace(t, 'PT_ATTACH', c)); // group-stopped: the attach's SIGSTOP is queued on the thread (attachStopOnThreadQueue)
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: stopWord(19) });
    d.step(kill(1, c, 'SIGCONT'));
    d.step(kill(1, c, 'SIGHUP'));
    d.step(kill(1, c, 'SIGSTOP')); // to the process queue
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c))).toMatchObject({ ret: c, status: stopWord(1) });
  });
});

describe('linux: the real parent\'s report of a group stop (group_exit_code, T4)', () => {
  test('taken once: trace stops under a tracer that is the parent do not renew it, so after the detach\'s silent re-stop there is nothing to report', () => {
    const d = linux();
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(1, c, 'SIGSTOP'));
    expect(d.own(wait4(p, c, ['WUNTRACED']))).toMatchObject({ ret: c, status: stopWord(19) }); // group_exit_code cleared
    d.step(ptrace(p, 'PT_ATTACH', c));
    d.step(ptrace(p, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(p, c))).toMatchObject({ ret: c, status: stopWord(19) }); // a trace stop: exit_code, not group_exit_code
    d.step(ptrace(p, 'PT_DETACH', c, 0)); // the group stop is still in effect: c stops again, silently
    expect(d.proc(c)!.flags).toContain('STOPPED_SIG');
    expect(d.own(wait4(p, c, ['WUNTRACED', 'WNOHANG']))).toMatchObject({ ret: 0 });
  });
});

describe('linux: a signal a detach passes on to a tracee that stops again', () => {
  test('it is acted on before a later SIGKILL: the tracee dies of SIGTERM (15), not SIGKILL', () => {
    const d = linux();
    const t = d.fork(1);
    const p = d.fork(1);
    const c = d.fork(p);
    d.step(kill(1, c, 'SIGSTOP'));
    d.step(ptrace(t, 'PT_ATTACH', c));
    d.step(kill(1, c, 'SIGTERM')); // waits on the process queue behind the attach's SIGSTOP
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c))).toMatchObject({ status: stopWord(19) });
    d.step(ptrace(t, 'PT_CONTINUE', c, 0));
    expect(d.own(wait4(t, c))).toMatchObject({ status: stopWord(15) }); // the SIGTERM delivery stop
    d.step(ptrace(t, 'PT_DETACH', c, 'SIGTERM')); // passed on; the group stop (still in effect) holds c
    d.step(kill(1, c, 'SIGKILL'));
    expect(d.own(wait4(p, c))).toMatchObject({ ret: c, status: 15 });
  });
});
