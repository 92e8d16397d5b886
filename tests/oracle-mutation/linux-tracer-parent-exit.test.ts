import { boot, exit, kill, ptrace, run, sigaction } from '../oracle/driver';
import { orphanable } from './linux-scenes';

/**
 * The linux profile's exit of a process that is both parent and tracer of a zombie (exit_ptrace's
 * __ptrace_detach, linux.md R5, R10), and of a group-stopped process killed by SIGKILL (J1), with
 * literal expectations.
 */
describe('linux profile: a tracer-parent\'s exit, an exiting member\'s group stop', () => {
  const linux = () => boot({ profile: 'linux' });

  /** P, a child of init; C, its child, traced by P (PT_TRACE_ME), that ran 3 ticks and exited: P's zombie. */
  const tracedZombie = (ignoreChildren: boolean) => {
    const d = linux();
    const p = d.fork(1);
    if (ignoreChildren) d.step(sigaction(p, 'SIGCHLD', 'SIG_IGN'));
    const c = d.fork(p);
    d.step(ptrace(c, 'PT_TRACE_ME', 0));
    d.step(run(c, 3));
    d.step(exit(c, 0)); // a tracee is not auto-reaped (do_notify_parent checks ptrace)
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', ppid: p });
    return { d, p, c };
  };

  test('R5, R1: a zombie whose tracer is its parent, not ignoring children, is not released by the detach: it goes to init as a zombie', () => {
    const { d, p, c } = tracedZombie(false);
    d.step(exit(p, 0)); // __ptrace_detach: the tracer is the real parent and does not ignore SIGCHLD, so not dead
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', ppid: 1 }); // reparent_leader hands it to the reaper
  });

  test('R10: the same zombie of a tracer-parent ignoring SIGCHLD is released at the detach, without adding its usage to the tracer', () => {
    const { d, p, c } = tracedZombie(true);
    d.step(exit(p, 0));
    expect(d.proc(c)).toBeUndefined(); // released by __ptrace_detach
    expect(d.proc(p)).toMatchObject({ state: 'ZOMBIE', ru: { utime: 0 }, cru: { utime: 0 } }); // release_task adds nothing to P
  });

  test('J1: a group-stopped member killed by SIGKILL no longer counts as stopped (SIGNAL_GROUP_EXIT): its exit orphans the group and sends nothing', () => {
    const d = linux();
    const { a, b, g } = orphanable(d);
    d.step(kill(a, b, 'SIGSTOP')); // B's group stop is in effect; G runs
    d.step(kill(a, b, 'SIGKILL')); // B dies; G goes to init, in another session: B's group is orphaned
    expect(d.proc(b)).toMatchObject({ state: 'ZOMBIE' });
    expect(d.proc(g)).toMatchObject({ ppid: 1, flags: [], pending: [], handled: [] }); // has_stopped_jobs is false
  });
});
