import { boot, exit, run, sigaction, wait4 } from '../oracle/driver';

/** exit1 on FreeBSD where the parent handed to is init itself, with literal expectations from the seed. */
describe('exit1 with init as the parent', () => {
  test('kern_exit.c:458-482: init ignoring SIGCHLD still gets its child\'s zombie (the hand-over is to init); its wait reaps it with the usage', () => {
    const d = boot();
    d.step(sigaction(1, 'SIGCHLD', 'SIG_IGN'));
    const c = d.fork(1);
    d.step(run(c, 2));
    d.step(exit(c, 4));
    expect(d.proc(c)).toMatchObject({ state: 'ZOMBIE', ppid: 1 });
    expect(d.own(wait4(1, -1, [], 'valid', 'valid'))).toMatchObject({ ret: c, status: 0x400, rusage: { utime: 2 } });
    expect(d.proc(1)).toMatchObject({ cru: { utime: 2 } }); // kern_exit.c:737-796: ruadd into the reaper's children totals
  });
});
