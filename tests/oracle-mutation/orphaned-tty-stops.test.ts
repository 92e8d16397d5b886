import type { ProfileName } from '../../interleaving';
import { boot, exit, kill, ptrace, wait4, type Driver } from '../oracle/driver';
import { isStopped as stopped } from './signal-steps';

/**
 * Terminal stops (SIGTSTP with the default action) to members of orphaned and non-orphaned groups:
 * discarded when the group is orphaned (semantics.md §3.12, §3.9.2 step 5), which FreeBSD reads off
 * pg_jobc and Linux off the members' living parents (linux.md J1).
 */

const setpgidSelf = (d: Driver, pid: number) => d.step({ pid, call: 'setpgid', target: 0, pgid: 0 });

describe.each<ProfileName>(['freebsd-r176365', 'linux'])('%s: terminal stops and orphaned groups', (profile) => {
  test('a group with one member whose parent is in another group of the session is not orphaned: SIGTSTP stops any member', () => {
    const d = boot({ profile });
    const a = d.fork(1);
    const b = d.fork(a);
    setpgidSelf(d, b); // b qualifies its group: a is in group 1, same session
    const g = d.fork(b); // g's parent is in g's own group: g does not qualify it
    d.step(kill(a, g, 'SIGTSTP'));
    expect(stopped(d, g)).toBe(true);
  });

  test('a session leader\'s group whose parent is in another session is orphaned: SIGTSTP is discarded', () => {
    const d = boot({ profile });
    const a = d.fork(1);
    const b = d.fork(a);
    d.step({ pid: b, call: 'setsid' });
    d.step(kill(a, b, 'SIGTSTP'));
    expect(stopped(d, b)).toBe(false);
    expect(d.proc(b)!.pending).toEqual([]);
  });

  test('a zombie member does not qualify its group: SIGTSTP to the other member, adopted by init from another session, is discarded', () => {
    const d = boot({ profile });
    const a = d.fork(1);
    d.step({ pid: a, call: 'setsid' });
    const b = d.fork(a);
    setpgidSelf(d, b);
    const g = d.fork(b);
    d.step(exit(b, 0)); // b stays a zombie (a does not wait); g goes to init, in session 1
    d.step(kill(a, g, 'SIGTSTP'));
    expect(stopped(d, g)).toBe(false);
  });
});

describe('where the two rules differ', () => {
  /** A's group B, qualified by A, until A exits and init adopts B. */
  function adoptedByInit(profile: ProfileName) {
    const d = boot({ profile });
    const a = d.fork(1);
    setpgidSelf(d, a);
    const b = d.fork(a);
    setpgidSelf(d, b);
    d.step(exit(a, 0));
    d.step(kill(1, b, 'SIGTSTP'));
    return { d, b };
  }

  test('FreeBSD: the parent\'s exit took B\'s jobc to 0 and adoption by init does not restore it (§3.12): SIGTSTP is discarded', () => {
    const { d, b } = adoptedByInit('freebsd-r176365');
    expect(d.snap().pgrps.find((g) => g.pgid === b)!.jobc).toBe(0);
    expect(stopped(d, b)).toBe(false);
  });

  test('linux: the namespace init, in B\'s session, counts like any parent (linux.md J1): SIGTSTP stops B', () => {
    const { d, b } = adoptedByInit('linux');
    expect(stopped(d, b)).toBe(true);
  });

  test('FreeBSD E12: a tracee\'s exit under its debugger takes its group\'s jobc to 0 although the group is qualified: SIGTSTP is discarded', () => {
    const d = boot();
    const sh = d.fork(1);
    d.step({ pid: sh, call: 'setsid' });
    const p = d.fork(sh);
    setpgidSelf(d, p); // group A, qualified by p (parent sh in another group of the session)
    const c = d.fork(p);
    const dbg = d.fork(p);
    setpgidSelf(d, dbg); // group B
    d.step(ptrace(dbg, 'PT_ATTACH', c)); // c's parent is now dbg, in B
    d.step(wait4(dbg, c));
    d.step(ptrace(dbg, 'PT_CONTINUE', c, 0));
    d.step(exit(c, 0)); // fixjobc(c, A, leaving): A.jobc 1 -> 0, though c never counted
    expect(d.snap().pgrps.find((g) => g.pgid === p)!.jobc).toBe(0);
    d.step(kill(sh, p, 'SIGTSTP'));
    expect(stopped(d, p)).toBe(false);
  });
});

describe('FreeBSD: orphanpg needs a member that is stopped now (semantics.md §3.12)', () => {
  test('E11: a member whose group stop a PT_ATTACH resumed is running, so the exit that orphans its group sends nothing', () => {
    const d = boot();
    const s = d.fork(1);
    d.step({ pid: s, call: 'setsid' });
    const a = d.fork(s);
    d.step({ pid: a, call: 'setpgid', target: 0, pgid: 0 }); // group A, qualified by a alone (its parent s)
    const m = d.fork(a);
    d.step(kill(a, m, 'SIGSTOP'));
    const x = d.fork(1); // in session 1: as m's new parent it qualifies nothing
    d.step(ptrace(x, 'PT_ATTACH', m)); // E11: m runs again, no attach stop
    expect(stopped(d, m)).toBe(false);
    d.step(exit(a, 0)); // A.jobc 1 -> 0: orphanpg(A) finds no member stopped
    expect(d.proc(m)).toMatchObject({ state: 'NORMAL', pending: [] });
    expect(d.own(wait4(x, m, ['WNOHANG']))).toMatchObject({ ret: 0 }); // no SIGHUP trace stop
  });

  test('E11, the same for a child\'s group: the exit that orphans it finds no member stopped and sends nothing', () => {
    const d = boot();
    const s = d.fork(1);
    d.step({ pid: s, call: 'setsid' });
    const a = d.fork(s);
    d.step({ pid: a, call: 'setpgid', target: 0, pgid: 0 }); // group A
    const b = d.fork(a);
    d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 }); // group B, qualified by b (its parent a is in A)
    const m = d.fork(b); // in B
    d.step(kill(b, m, 'SIGSTOP'));
    const x = d.fork(1);
    d.step(ptrace(x, 'PT_ATTACH', m)); // E11: m runs again, now x's child
    d.step(exit(a, 0)); // fixjobc: B.jobc 1 -> 0; orphanpg(B) finds no member stopped
    expect(d.proc(b)).toMatchObject({ state: 'NORMAL', ppid: 1, pending: [] });
    expect(d.proc(m)).toMatchObject({ state: 'NORMAL', pending: [] });
  });
});
