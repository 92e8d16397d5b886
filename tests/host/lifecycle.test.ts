import type { Observation } from '../../interleaving';
import { describeHost, runSteps, withHost, type Outcome } from './host-suite';
import { attach, cont, exit, fork, getppid, kill, run, vfork, wait4 } from './steps';

/**
 * Scripted interleavings on the real kernel with literal Linux expectations (linux.md rows cited):
 * the harness is tested directly, before any `linux` profile of the oracle exists.
 */

const ret = (step: number, pid: number, call: Observation['call'], value: number, extra: Partial<Observation> = {}): Observation =>
  ({ step, pid, call, kind: 'return', ret: value, ...extra });
const fail = (step: number, pid: number, call: Observation['call'], errno: Observation['errno']): Observation =>
  ({ step, pid, call, kind: 'return', errno });
const sleep = (step: number, pid: number, call: Observation['call']): Observation => ({ step, pid, call, kind: 'sleep' });
const noreturn = (step: number, pid: number, call: Observation['call']): Observation => ({ step, pid, call, kind: 'noreturn' });

/** Observations with rusage dropped: CPU times are compared with tolerances elsewhere (W13). */
function withoutUsage(outcomes: Outcome[]): Outcome[] {
  return outcomes.map((o) => ('rejected' in o ? o : o.map(({ rusage: _rusage, ...rest }) => rest)));
}

describeHost('host harness: exit and wait', () => {
  jest.setTimeout(20000);

  it('numbers pids 1, 2, 3 and encodes an exit as code << 8', async () => {
    const got = await withHost((impl) => runSteps(impl, [fork(1), getppid(2), exit(2, 3), wait4(1, -1), { pid: 1, call: 'getsid', target: 0 }, { pid: 1, call: 'getpgid', target: 0 }, fork(1)]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 2, 'getppid', 1)],
      [noreturn(2, 2, 'exit')],
      [ret(3, 1, 'wait4', 2, { status: 0x300 })],
      [ret(4, 1, 'getsid', 1)],
      [ret(5, 1, 'getpgid', 1)],
      [ret(6, 1, 'fork', 3)],
    ]);
  });

  it('reports a stop as 0x137f under WUNTRACED, once, and a continue as 0xffff (W7, §0.1)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), fork(1), kill(3, 2, 'SIGSTOP'),
      wait4(1, -1, ['WNOHANG']), wait4(1, -1, ['WUNTRACED', 'WNOHANG']), wait4(1, -1, ['WUNTRACED', 'WNOHANG']),
      kill(3, 2, 'SIGCONT'), wait4(1, 2, ['WCONTINUED']),
    ]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 1, 'fork', 3)],
      [ret(2, 3, 'kill', 0)],
      [ret(3, 1, 'wait4', 0)],
      [ret(4, 1, 'wait4', 2, { status: 0x137f })],
      [ret(5, 1, 'wait4', 0)],
      [ret(6, 3, 'kill', 0)],
      [ret(7, 1, 'wait4', 2, { status: 0xffff })],
    ]);
  });

  it('leaves status untouched when WNOHANG finds nothing (W4) and checks options before the pid (W1-W3)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      wait4(1, -1), wait4(1, -1, ['WNOHANG']), wait4(1, 1), wait4(1, -2147483648), wait4(1, -2147483648, ['WEXITED']),
      wait4(1, -1, ['WNOWAIT']), wait4(1, -1, [], 0x10), fork(1), wait4(1, -1, ['WNOHANG']),
    ]));
    expect(got).toEqual([
      [fail(0, 1, 'wait4', 'ECHILD')],
      [fail(1, 1, 'wait4', 'ECHILD')],
      [fail(2, 1, 'wait4', 'ECHILD')],
      [fail(3, 1, 'wait4', 'ESRCH')],
      [fail(4, 1, 'wait4', 'EINVAL')],
      [fail(5, 1, 'wait4', 'EINVAL')],
      [fail(6, 1, 'wait4', 'EINVAL')],
      [ret(7, 1, 'fork', 2)],
      [ret(8, 1, 'wait4', 0)],
    ]);
  });

  it('completes a blocked wait in the step that caused it, after the caller (quiescence rule)', async () => {
    const got = await withHost((impl) => runSteps(impl, [fork(1), wait4(1, 2), exit(2, 7), getppid(1)]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'fork', 2)],
      [sleep(1, 1, 'wait4')],
      [noreturn(2, 2, 'exit'), ret(1, 1, 'wait4', 2, { status: 0x700 })],
      [ret(3, 1, 'getppid', 0)],
    ]);
  });

  it('gives orphans to the namespace init, reaped oldest first (R1, R12)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), fork(2), fork(1), exit(2, 1), getppid(3), exit(3, 2), exit(4, 3), wait4(1, -1), wait4(1, -1), wait4(1, -1), wait4(1, -1),
    ]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 2, 'fork', 3)],
      [ret(2, 1, 'fork', 4)],
      [noreturn(3, 2, 'exit')],
      [ret(4, 3, 'getppid', 1)],
      [noreturn(5, 3, 'exit')],
      [noreturn(6, 4, 'exit')],
      [ret(7, 1, 'wait4', 2, { status: 0x100 })],
      [ret(8, 1, 'wait4', 4, { status: 0x300 })],
      [ret(9, 1, 'wait4', 3, { status: 0x200 })],
      [fail(10, 1, 'wait4', 'ECHILD')],
    ]);
  });

  it('auto-reaps the children of a SIG_IGN parent and wakes its wait with ECHILD (R10)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), { pid: 2, call: 'sigaction', sig: 'SIGCHLD', handler: 'SIG_IGN', flags: [] }, fork(2), wait4(2, -1), exit(3, 0),
    ]));
    expect(got).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 2, 'sigaction', 0)],
      [ret(2, 2, 'fork', 3)],
      [sleep(3, 2, 'wait4')],
      [noreturn(4, 3, 'exit'), fail(3, 2, 'wait4', 'ECHILD')],
    ]);
  });

  it('interrupts a blocked wait with EINTR when a handler without SA_RESTART runs', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), { pid: 1, call: 'sigaction', sig: 'SIGUSR1', handler: 'catch', flags: [] }, wait4(1, 2), kill(2, 1, 'SIGUSR1'),
    ]));
    expect(got).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 1, 'sigaction', 0)],
      [sleep(2, 1, 'wait4')],
      [ret(3, 2, 'kill', 0), fail(2, 1, 'wait4', 'EINTR')],
    ]);
  });

  it('holds a vfork parent asleep until the child execs', async () => {
    const got = await withHost((impl) => runSteps(impl, [vfork(1), getppid(2), { pid: 2, call: 'execve' }, exit(2, 4), wait4(1, 2)]));
    expect(withoutUsage(got)).toEqual([
      [sleep(0, 1, 'vfork')],
      [ret(1, 2, 'getppid', 1)],
      [ret(2, 2, 'execve', 0), ret(0, 1, 'vfork', 2)],
      [noreturn(3, 2, 'exit')],
      [ret(4, 1, 'wait4', 2, { status: 0x400 })],
    ]);
  });

  it('answers a SIGSTOP sent to itself as a successful kill, and resumes on SIGCONT', async () => {
    const got = await withHost((impl) => runSteps(impl, [fork(1), kill(2, 2, 'SIGSTOP'), getppid(2), kill(1, 2, 'SIGCONT'), getppid(2)]));
    expect(got).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 2, 'kill', 0)],
      { rejected: 'getppid: pid 2 is stopped' },
      [ret(3, 1, 'kill', 0)],
      [ret(4, 2, 'getppid', 1)],
    ]);
  });

  it('reports the exit of init as a panic and takes no further step (R16)', async () => {
    const got = await withHost(async (impl) => {
      await runSteps(impl, []);
      const r = await impl.apply(exit(1, 0));
      const next = await Promise.resolve(impl.apply(getppid(1))).then(() => 'accepted', (e: Error) => e.message);
      const afterReset = await runSteps(impl, [getppid(1)]);
      return { r, next, afterReset };
    });
    expect(got.r.observations).toEqual([noreturn(0, 1, 'exit')]);
    expect(got.r.panic).toMatch(/namespace init/);
    expect(got.next).toMatch(/^getppid: no further steps: the namespace init \(pid 1\) exited/);
    expect(got.afterReset).toEqual([[ret(0, 1, 'getppid', 0)]]);
  });

  it('maps rfork onto clone: an RFLINUXTHPN child is waitable only with WLINUXCLONE, RFPPWAIT sleeps (W6)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      { pid: 1, call: 'rfork', flags: ['RFPROC', 'RFFDG', 'RFLINUXTHPN'] }, exit(2, 2), wait4(1, 2), wait4(1, 2, ['WLINUXCLONE']),
      { pid: 1, call: 'rfork', flags: ['RFPROC', 'RFFDG', 'RFPPWAIT'] }, exit(3, 1), { pid: 1, call: 'rfork', flags: ['RFPROC', 'RFTHREAD'] },
    ]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'rfork', 2)],
      [noreturn(1, 2, 'exit')],
      [fail(2, 1, 'wait4', 'ECHILD')],
      [ret(3, 1, 'wait4', 2, { status: 0x200 })],
      [sleep(4, 1, 'rfork')],
      [noreturn(5, 3, 'exit'), ret(4, 1, 'rfork', 3)],
      { rejected: 'rfork: unsupported: step.flags: rfork RFTHREAD has no Linux counterpart in this harness' },
    ]);
  });

  it('reports CPU burned by run in ticks, in wait4 and in RUSAGE_CHILDREN (W11, W13)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), fork(1), run(2, 3), run(3, 5), exit(2, 0), exit(3, 0), wait4(1, 2), wait4(1, 3), { pid: 1, call: 'getrusage', who: 'RUSAGE_CHILDREN' },
    ]));
    const utime = (i: number): number => {
      const ru = 'rejected' in got[i] ? undefined : (got[i] as Observation[])[0].rusage;
      if (typeof ru !== 'object') throw new Error(`step ${i} reported no rusage`);
      return ru.utime;
    };
    // Each puppet's own fork, exit and command traffic costs it a fraction of a tick on top of its burn.
    expect(utime(6) - 3).toBeGreaterThanOrEqual(0);
    expect(utime(6) - 3).toBeLessThanOrEqual(1);
    expect(utime(7) - 5).toBeGreaterThanOrEqual(0);
    expect(utime(7) - 5).toBeLessThanOrEqual(1);
    // RUSAGE_CHILDREN is the exact sum before rounding, so after rounding it is within one tick of the sum.
    expect(Math.abs(utime(8) - (utime(6) + utime(7)))).toBeLessThanOrEqual(1);
  });

  it('gives the same observations for the same interleaving, run twice', async () => {
    const steps = [fork(1), fork(2), kill(1, 2, 'SIGSTOP'), wait4(1, -1, ['WUNTRACED']), kill(1, 2, 'SIGKILL'), wait4(1, 2), wait4(1, -1, ['WNOHANG']), exit(3, 9), wait4(1, -1)];
    const [a, b] = await withHost(async (impl) => [await runSteps(impl, steps), await runSteps(impl, steps)]);
    expect(withoutUsage(b)).toEqual(withoutUsage(a));
    expect(withoutUsage(a)[5]).toEqual([ret(5, 1, 'wait4', 2, { status: 9 })]);
  });
});

describeHost('host harness: ptrace', () => {
  jest.setTimeout(20000);

  it('reports the attach stop 0x137f to a non-parent tracer without WUNTRACED; the real parent sees 0 (T2, R6, R7)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), fork(1), attach(3, 2), wait4(3, 2), wait4(1, 2, ['WNOHANG', 'WUNTRACED']), cont(3, 2), getppid(2), exit(2, 5), wait4(3, 2), wait4(1, 2),
    ]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 1, 'fork', 3)],
      [ret(2, 3, 'ptrace', 0)],
      [ret(3, 3, 'wait4', 2, { status: 0x137f })],
      [ret(4, 1, 'wait4', 0)],
      [ret(5, 3, 'ptrace', 0)],
      [ret(6, 2, 'getppid', 1)],
      [noreturn(7, 2, 'exit')],
      [ret(8, 3, 'wait4', 2, { status: 0x500 })],
      [ret(9, 1, 'wait4', 2, { status: 0x500 })],
    ]);
  });

  it('detaches and resumes the tracee when the tracer exits (R3)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), fork(1), attach(3, 2), wait4(3, 2), exit(3, 0), getppid(2), wait4(1, 2, ['WNOHANG', 'WUNTRACED']),
    ]));
    expect(withoutUsage(got)).toEqual([
      [ret(0, 1, 'fork', 2)],
      [ret(1, 1, 'fork', 3)],
      [ret(2, 3, 'ptrace', 0)],
      [ret(3, 3, 'wait4', 2, { status: 0x137f })],
      [noreturn(4, 3, 'exit')],
      [ret(5, 2, 'getppid', 1)],
      [ret(6, 1, 'wait4', 0)],
    ]);
  });

  it('gives Linux ptrace errnos (T8)', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      fork(1), attach(2, 2), cont(1, 2), { pid: 2, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 },
      { pid: 2, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 }, attach(1, 99),
    ]));
    expect(got).toEqual([
      [ret(0, 1, 'fork', 2)],
      [fail(1, 2, 'ptrace', 'EPERM')],
      [fail(2, 1, 'ptrace', 'ESRCH')],
      [ret(3, 2, 'ptrace', 0)],
      [fail(4, 2, 'ptrace', 'EPERM')],
      [fail(5, 1, 'ptrace', 'ESRCH')],
    ]);
  });
});

describeHost('host harness: refusals', () => {
  jest.setTimeout(20000);

  it('refuses calls Linux lacks, unknown callers and sleeping callers, naming why', async () => {
    const got = await withHost((impl) => runSteps(impl, [
      { pid: 1, call: 'abort2', why: null, nargs: 0, args: null }, { pid: 1, call: 'owait' }, getppid(7), fork(1), wait4(1, 2), getppid(1),
      kill(2, 1, 'SIGEMT'),
    ]));
    expect(got).toEqual([
      { rejected: 'abort2: unsupported: abort2 does not exist on Linux' },
      { rejected: 'owait: unsupported: owait does not exist on Linux' },
      { rejected: 'getppid: pid 7 is not a process' },
      [ret(3, 1, 'fork', 2)],
      [sleep(4, 1, 'wait4')],
      { rejected: 'getppid: pid 1 is asleep in wait4 (step 4)' },
      { rejected: 'kill: unsupported: step.sig: SIGEMT does not exist on Linux' },
    ]);
  });
});
