import { boot, kill, type Driver } from '../oracle/driver';
import { block } from './signal-steps';

/** kill(2)'s permission checks, group walks and the linux profile's lookup-first errors, with literal expectations. */

const setuid = (d: Driver, pid: number, uid: number) => d.step({ pid, call: 'setuid', uid });

describe('p_cansignal (semantics.md §3.9.1)', () => {
  test('same uid may signal; root may signal anyone; SIGCONT only within the session; SIGTHR only between peers', () => {
    const d = boot();
    const a = d.fork(1);
    d.step({ pid: a, call: 'setsid' });
    const b = d.fork(a); // in a's session
    const c = d.fork(a);
    const e = d.fork(1); // in init's session
    setuid(d, b, 1000);
    setuid(d, c, 1000);
    setuid(d, e, 2000);
    expect(d.own(kill(b, c, 0))).toMatchObject({ ret: 0 }); // the credential rule: same uid
    expect(d.own(kill(b, e, 'SIGCONT'))).toMatchObject({ errno: 'EPERM' }); // other session, other uid
    expect(d.own(kill(b, e, 'SIGTHR'))).toMatchObject({ errno: 'EPERM' }); // not an rfork peer
    expect(d.own(kill(a, e, 'SIGTERM'))).toMatchObject({ ret: 0 }); // root: the credential rule passes
    expect(d.proc(e)!.state).toBe('ZOMBIE'); // SIGTERM's default kills
  });
});

describe('killpg1 (semantics.md §3.9.1)', () => {
  test('the null signal to a group only checks: nothing is posted, not even to a member blocking every signal', () => {
    const d = boot();
    const a = d.fork(1);
    d.step({ pid: a, call: 'setpgid', target: 0, pgid: 0 });
    const b = d.fork(a);
    d.step(block(b, ['SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGTHR', 'SIGTERM']));
    expect(d.own(kill(a, 0, 0))).toMatchObject({ ret: 0 });
    expect(d.own(kill(a, -a, 40))).toMatchObject({ ret: 0 }); // a number without a name passes the checks, posts nothing
    expect(d.own({ pid: b, call: 'sigpending' })).toMatchObject({ ret: 0, sigs: [] });
  });

  test('kill(-1) does not signal the caller', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(1);
    expect(d.own(kill(a, -1, 'SIGTERM'))).toMatchObject({ ret: 0 });
    expect(d.proc(a)!.state).toBe('NORMAL');
    expect(d.proc(b)!.state).toBe('ZOMBIE');
  });
});

describe('linux profile: kill(2) (profile rows killFindsTargetFirst, killCountsUnpermitted, killAllOrder)', () => {
  const linux = () => boot({ profile: 'linux' });
  const BAD = 65; // linux.md §0.1: maxsig 64

  test('a bad signal: ESRCH when the target is missing, EINVAL when it exists (the lookup comes first)', () => {
    const d = linux();
    const a = d.fork(1);
    d.step({ pid: a, call: 'setpgid', target: 0, pgid: 0 });
    expect(d.own(kill(a, 0, BAD))).toMatchObject({ errno: 'EINVAL' }); // the caller's own group exists
    expect(d.own(kill(a, -a, BAD))).toMatchObject({ errno: 'EINVAL' });
    expect(d.own(kill(a, -99, BAD))).toMatchObject({ errno: 'ESRCH' }); // no group 99
    expect(d.own(kill(a, -1, BAD))).toMatchObject({ errno: 'ESRCH' }); // nobody but init and the caller
    d.fork(1);
    expect(d.own(kill(a, -1, BAD))).toMatchObject({ errno: 'EINVAL' }); // now someone would be found
  });

  test('kill(-1) with no candidate is ESRCH; a group kill that may signal no member is EPERM', () => {
    const d = linux();
    const a = d.fork(1);
    setuid(d, a, 1000);
    expect(d.own(kill(a, -1, 'SIGTERM'))).toMatchObject({ errno: 'ESRCH' }); // no candidate at all
    const g = d.fork(1);
    d.step({ pid: g, call: 'setpgid', target: 0, pgid: 0 });
    expect(d.own(kill(a, -g, 'SIGTERM'))).toMatchObject({ errno: 'EPERM' }); // g is root's: a candidate, not permitted
    expect(d.own(kill(a, -1, 'SIGTERM'))).toMatchObject({ ret: 0 }); // a candidate exists: success, nobody signalled
    expect(d.proc(g)!.state).toBe('NORMAL');
  });

  test('kill(-1) walks the task list oldest first', () => {
    const d = linux();
    const a = d.fork(1);
    const b = d.fork(1);
    const c = d.fork(1);
    const r = d.step(kill(a, -1, 'SIGTERM'));
    expect(r.trace!.filter((t) => t.kind === 'exit').map((t) => t.pid)).toEqual([b, c]);
  });
});
