import type { Step } from '../../interleaving';
import { cutAtRaces } from '../../properties/divergences/linux-interleavings';
import { exit, fork, kill, ptrace, run, setpgid, thrNew, traceMe, vfork, wait4 } from '../../properties/divergences/steps';

/** Where cutAtRaces cuts an interleaving on the linux profile (-1: nowhere). */
function cutAt(steps: Step[]): number {
  const cut = cutAtRaces({ config: { profile: 'linux' }, steps });
  return cut.steps.length === steps.length ? -1 : cut.steps.length;
}

describe('the host\'s cut before races it cannot order', () => {
  test('seed 3 run 426 (shrunk): two children of init die in one kill(0) while init waits for any', () => {
    expect(cutAt([fork(1), run(1, 1), fork(1), wait4(1, -1), kill(3, 0, 'SIGKILL'), wait4(1, -1)])).toBe(4);
  });

  test('the same kill with init not waiting is kept: its later wait(-1) finds the oldest zombie first', () => {
    expect(cutAt([fork(1), fork(1), kill(3, 0, 'SIGKILL'), wait4(1, -1)])).toBe(-1);
  });

  test('a victim with children is cut: its orphans and the other victim\'s reach init in death order', () => {
    expect(cutAt([fork(1), fork(2), fork(1), kill(1, -1, 'SIGKILL'), wait4(1, -1)])).toBe(3);
  });

  test('two deaths a sleeping wait can see only one of are kept', () => {
    // 2 and 4 die in one kill(0); 3, asleep, has only 4 among its children; init is not asleep.
    expect(cutAt([fork(1), fork(1), fork(3), setpgid(3, 0, 0), wait4(3, -1), kill(2, 0, 'SIGKILL'), wait4(1, -1)])).toBe(-1);
  });

  test('seed 3 run 586 (its core): a tracer exits while its detached tracee stops; init, asleep, returns either (8 to 4 in 12 runs here)', () => {
    expect(cutAt([fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), wait4(1, -1, ['WUNTRACED']), exit(3, 0)])).toBe(4);
  });

  test('seed 5 run 582 (its core): the same race when the wait then fails with EFAULT', () => {
    const wait = { ...wait4(1, -1, ['WUNTRACED']), status: 'null', rusage: 'fault' } as const;
    expect(cutAt([fork(1), fork(1), ptrace(3, 'PT_ATTACH', 2), wait, exit(3, 0)])).toBe(4);
  });

  test('seed 4 run 268 (shrunk): kill(0, SIGSTOP) reaches a tracee and its child, whose stop sends it SIGCHLD', () => {
    expect(cutAt([fork(1), traceMe(2), fork(2), kill(1, 0, 'SIGSTOP'), wait4(1, -1)])).toBe(3);
  });

  test('seed 4 run 742 (shrunk): an exit orphans a group with a stopped member; init, asleep with WCONTINUED, sees it continued or killed by the SIGHUP', () => {
    // 4, in init's group, is that group's one link outside it (its parent 3 has a group of its own).
    const orphaning = [fork(1), kill(1, 2, 'SIGSTOP'), fork(1), fork(3), setpgid(3, 0, 0)];
    expect(cutAt([...orphaning, wait4(1, -1, ['WCONTINUED']), kill(4, 4, 'SIGKILL')])).toBe(6);
    // Without WCONTINUED only the death is reportable: kept.
    expect(cutAt([...orphaning, wait4(1, -1), kill(4, 4, 'SIGKILL')])).toBe(-1);
  });

  test('seed 1 run 485 (shrunk): a dying tracer detaches its trace-stopped tracee and orphans its group; SIGHUP or not is timing', () => {
    const traced = [vfork(1), fork(2), fork(3), thrNew(4)];
    // 4, in group 1, is its link outside (its parent 3 has a group of its own): its death orphans group 1.
    expect(cutAt([...traced, setpgid(2, 3, 3), ptrace(4, 'PT_ATTACH', 2), exit(4, 0)])).toBe(6);
    // Group 1 already orphaned (3 stays in it): the same detach is kept.
    expect(cutAt([...traced, ptrace(4, 'PT_ATTACH', 2), exit(4, 0)])).toBe(-1);
  });

  test('seed 2 run 607 (its core): a traced vfork parent with a SIGCONT pending is released by its child\'s exit; SIGCHLD or SIGCONT first is timing', () => {
    const held = [fork(1), traceMe(2), vfork(2), kill(1, 2, 'SIGCONT')];
    expect(cutAt([...held, exit(3, 0), wait4(1, 2, ['WNOHANG'])])).toBe(4);
    // Nothing pending: only the SIGCHLD, kept.
    expect(cutAt([fork(1), traceMe(2), vfork(2), exit(3, 0), wait4(1, 2, ['WNOHANG'])])).toBe(-1);
  });

  test('one child\'s exit while its parent sleeps is kept', () => {
    expect(cutAt([fork(1), fork(2), wait4(1, -1), exit(2, 0), wait4(1, -1)])).toBe(-1);
  });

  test('a traced victim counts for a sleeping tracer', () => {
    expect(cutAt([fork(1), fork(1), traceMe(2), wait4(1, 2), kill(3, 0, 'SIGKILL')])).toBe(4);
  });

  test('seed 1 run 4 (shrunk): a multi-threaded leader dies leaving a zombie to init, asleep; it may take the zombie first', () => {
    const thrNew = (pid: number): Step => ({ pid, call: 'thr_new' });
    expect(cutAt([fork(1), thrNew(2), fork(2), exit(4, 1), wait4(1, -1), exit(2, 0)])).toBe(5);
    // Single-threaded, the leader is a zombie before init runs: the oldest, 2, comes first; kept.
    expect(cutAt([fork(1), fork(2), exit(3, 1), wait4(1, -1), exit(2, 0)])).toBe(-1);
  });
});
