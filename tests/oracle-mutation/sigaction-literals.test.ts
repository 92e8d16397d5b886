import type { SignalName } from '../../interleaving';
import { boot, kill, sigaction, wait4 } from '../oracle/driver';
import { block, pendingOf as pending } from './signal-steps';

/** sigaction, execsigs and the signal-number checks (semantics.md §3.9.1, §3.10), with literal expectations. */

const execve = (pid: number) => ({ pid, call: 'execve' as const });

describe('sigaction (semantics.md §3.10)', () => {
  test('SA_RESTART given later clears the EINTR choice an earlier handler made: the interrupted wait restarts', () => {
    const d = boot();
    const p = d.fork(1);
    d.fork(p);
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    d.step(sigaction(p, 'SIGUSR1', 'catch', ['SA_RESTART']));
    d.step(wait4(p, -1));
    const r = d.step(kill(1, p, 'SIGUSR1'));
    expect(r.observations).toHaveLength(1); // no EINTR: §3.9.2 step 4, intrval ERESTART with SA_RESTART
    expect(d.proc(p)!.handled).toEqual([{ sig: 'SIGUSR1' }]);
    expect(d.proc(p)!.sleeping).toMatchObject({ chan: 'wait' });
  });

  test('SIGCHLD set again without SA_NOCLDSTOP clears PS_NOCLDSTOP; PS_NOCLDWAIT follows the new flags', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGCHLD', 'catch', ['SA_NOCLDSTOP', 'SA_NOCLDWAIT']));
    expect(d.proc(p)!.psFlags).toEqual(['PS_NOCLDWAIT', 'PS_NOCLDSTOP']);
    d.step(sigaction(p, 'SIGCHLD', 'catch'));
    expect(d.proc(p)!.psFlags).toEqual([]);
  });

  test('installing a handler keeps a pending blocked signal; only an ignoring disposition deletes it', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(block(p, ['SIGUSR1']));
    d.step(kill(p, p, 'SIGUSR1'));
    d.step(sigaction(p, 'SIGUSR1', 'catch'));
    expect(pending(d, p)).toEqual(['SIGUSR1']);
    d.step(sigaction(p, 'SIGUSR1', 'SIG_IGN'));
    expect(pending(d, p)).toEqual([]);
  });

  test('a valid number without a name changes nothing: a pending SIGUSR2 stays', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(block(p, ['SIGUSR2']));
    d.step(kill(p, p, 'SIGUSR2'));
    expect(d.own(sigaction(p, 40, 'SIG_IGN'))).toMatchObject({ ret: 0 }); // 1..128 is in range (§3.10)
    expect(pending(d, p)).toEqual(['SIGUSR2']);
  });

  test('an unknown signal name is a rejected step naming the call and the field', () => {
    const d = boot();
    expect(() => d.step(sigaction(1, 'SIGBOGUS' as SignalName, 'catch'))).toThrow('sigaction: sig: unknown signal "SIGBOGUS"');
    expect(() => d.step(kill(1, 1, 'SIGBOGUS' as SignalName))).toThrow('kill: sig: unknown signal "SIGBOGUS"');
  });
});

describe('signal numbers (semantics.md §3.9.1: above the maximum is EINVAL)', () => {
  test('the maximum itself is valid: 128 on FreeBSD, 64 on linux; a name linux lacks is EINVAL there', () => {
    const f = boot();
    const a = f.fork(1);
    expect(f.own(kill(a, a, 128))).toMatchObject({ ret: 0 });
    const l = boot({ profile: 'linux' });
    const b = l.fork(1);
    expect(l.own(kill(b, b, 64))).toMatchObject({ ret: 0 }); // linux.md §0.1: maxsig 64
    expect(l.own(kill(b, b, 'SIGEMT'))).toMatchObject({ errno: 'EINVAL' }); // linux.md §0.1: no SIGEMT
    expect(l.proc(b)!.state).toBe('NORMAL');
  });

  test('SIGTHR, the last id, shows in sigpending', () => {
    const d = boot();
    const p = d.fork(1);
    d.step(block(p, ['SIGTHR']));
    d.step(kill(p, p, 'SIGTHR'));
    expect(pending(d, p)).toEqual(['SIGTHR']);
  });
});

describe('execsigs (semantics.md §3.10)', () => {
  test('a caught signal becomes default, the last id too; a pending one stays unless its default ignores', () => {
    const d = boot();
    const p = d.fork(1);
    for (const s of ['SIGUSR1', 'SIGCONT', 'SIGTHR', 'SIGWINCH'] as const) d.step(sigaction(p, s, 'catch'));
    d.step(block(p, ['SIGUSR1', 'SIGCONT', 'SIGWINCH']));
    for (const s of ['SIGUSR1', 'SIGCONT', 'SIGWINCH'] as const) d.step(kill(p, p, s));
    d.step(execve(p));
    expect(pending(d, p)).toEqual(['SIGCONT', 'SIGUSR1']); // SIGWINCH's default ignores (§1.2): removed; never SIGCONT
    d.step(kill(1, p, 'SIGTHR')); // SIGTHR's default kills (§1.2)
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', xstat: 32 });
  });

  test('linux: exec clears SA_NOCLDSTOP and SA_NOCLDWAIT and keeps SIGCHLD\'s SIG_IGN (profile row execResetsIgnoredSigchld)', () => {
    const d = boot({ profile: 'linux' });
    const p = d.fork(1);
    d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN', ['SA_NOCLDSTOP', 'SA_NOCLDWAIT']));
    d.step(execve(p));
    expect(d.proc(p)).toMatchObject({ psFlags: ['PS_CLDSIGIGN'], sigchld: { handler: 'SIG_IGN' } });
  });
});
