import { ConfigInvalid, DEFAULT_CONFIG, StepRejected, withDefaults, type Step } from '../../interleaving';
import { createOracle, Kernel, type MachineDependent } from '../../oracle';
import { boot, exit, kill, wait4 } from './driver';

describe('the Oracle implementation', () => {
  test('boot state: init alone, pid 1, uid 0, leader of session 1 and group 1', () => {
    const d = boot();
    expect(d.oracle.name).toBe('oracle');
    expect(d.snap()).toEqual({
      procs: [{
        pid: 1, state: 'NORMAL', flags: [], ppid: 0, children: [], oppid: 0, pgid: 1, sid: 1, sigparent: 'SIGCHLD',
        xstat: 0, ksiQueuedAt: null, sigchld: { handler: 'SIG_DFL', flags: [] }, psFlags: [], pending: [], blocked: [],
        threads: 1, leader: 1, peers: [], ru: { utime: 0 }, cru: { utime: 0 }, uid: 0, sleeping: null, handled: [],
      }],
      pgrps: [{ pgid: 1, sid: 1, members: [1], jobc: 0 }],
      sessions: [{ sid: 1, leader: 1, tty: false, fg: null }],
      nprocs: 1,
      uidCounts: { 0: 1 },
      lastpid: 1,
      panic: null,
    });
  });

  test('config errors name the field; an unknown profile names the available ones', () => {
    const o = createOracle();
    expect(() => o.reset(withDefaults({ pidFloor: 200, pidMax: 100 }))).toThrow('config.pidFloor (200) must be below config.pidMax (100)');
    expect(() => o.reset(withDefaults({ maxproc: 0 }))).toThrow('config.maxproc must be an integer ≥ 1, got 0');
    expect(() => o.reset({ ...DEFAULT_CONFIG, profile: 'plan9' as never })).toThrow(/config.profile: the oracle has no profile 'plan9' \(available: freebsd-r176365/);
    expect(() => o.apply({ pid: 1, call: 'getppid' })).toThrow('reset(config) must be called');
    expect(() => o.snapshot()).toThrow('reset(config) must be called');
    // Typed, so a server can tell a bad request from its own failure (docs/protocol.md, kind protocol).
    for (const bad of [withDefaults({ maxproc: 0 }), withDefaults({ profile: 'linux', pidMax: 300 }), { ...DEFAULT_CONFIG, profile: 'plan9' as never }]) {
      expect(() => o.reset(bad)).toThrow(ConfigInvalid);
    }
  });

  it('a linux pid space must reach above the pids it wraps to', () => {
    const o = createOracle();
    // linux.md J3: Linux pids wrap to RESERVED_PIDS (300), so a smaller pid space is no Linux one.
    expect(() => o.reset(withDefaults({ profile: 'linux', pidMax: 300, pidFloor: 2 }))).toThrow('config.pidMax (300) must be above 300 on the linux profile: pids wrap to 300');
    expect(() => o.reset(withDefaults({ profile: 'linux', pidMax: 301, pidFloor: 2 }))).not.toThrow();
    expect(() => o.reset(withDefaults({ pidMax: 5, pidFloor: 2 }))).not.toThrow();
  });

  const rejected: [string, Step, string][] = [
    ['unknown pid', { pid: 9, call: 'getppid' }, 'getppid: pid 9: no such process'],
    ['non-integer pid', { pid: 1.5, call: 'getppid' }, 'pid must be an integer'],
    ['unknown call', { pid: 1, call: 'reboot' } as never, 'reboot: unknown call'],
    ['exit code', { pid: 2, call: 'exit', code: 0.5 }, 'exit: code must be a 32-bit integer'],
    ['wait4 wpid', { pid: 1, call: 'wait4', wpid: 2 ** 40, options: [], status: 'valid', rusage: 'null' }, 'wpid must be a 32-bit integer'],
    ['wait4 option', { pid: 1, call: 'wait4', wpid: -1, options: ['WBOGUS' as never], status: 'valid', rusage: 'null' }, 'unknown option'],
    ['wait4 options list', { pid: 1, call: 'wait4', wpid: -1, options: 'WNOHANG' as never, status: 'valid', rusage: 'null' }, 'options must be a list'],
    ['wait4 extraBits', { pid: 1, call: 'wait4', wpid: -1, options: [], extraBits: 0.5, status: 'valid', rusage: 'null' }, 'extraBits'],
    ['wait4 status', { pid: 1, call: 'wait4', wpid: -1, options: [], status: 'bad' as never, rusage: 'null' }, 'status must be'],
    ['wait4 rusage', { pid: 1, call: 'wait4', wpid: -1, options: [], status: 'null', rusage: 'bad' as never }, 'rusage must be'],
    ['kill sig name', { pid: 1, call: 'kill', target: 2, sig: 'SIGFOO' as never }, 'unknown signal "SIGFOO"'],
    ['kill sig number', { pid: 1, call: 'kill', target: 2, sig: 1.5 }, 'sig must be a 32-bit integer'],
    ['kill target', { pid: 1, call: 'kill', target: 1.5, sig: 0 }, 'target must be a 32-bit integer'],
    ['rfork flag', { pid: 1, call: 'rfork', flags: ['RFBOGUS' as never] }, 'unknown flag'],
    ['rfork flags list', { pid: 1, call: 'rfork', flags: 'RFPROC' as never }, 'flags must be a list'],
    ['sigaction handler', { pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'x' as never, flags: [] }, 'handler must be'],
    ['sigaction flag', { pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'catch', flags: ['SA_X' as never] }, 'unknown flag'],
    ['sigaction flags list', { pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'catch', flags: 1 as never }, 'flags must be a list'],
    ['sigprocmask how', { pid: 1, call: 'sigprocmask', how: 'SIG_X' as never, sigs: [] }, 'how must be'],
    ['sigprocmask sig', { pid: 1, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGX' as never] }, 'unknown signal'],
    ['sigprocmask sigs list', { pid: 1, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: 3 as never }, 'sigs must be a list'],
    ['ptrace req', { pid: 1, call: 'ptrace', req: 'PT_X' as never, target: 2, data: 0 }, 'unknown request'],
    ['ptrace target', { pid: 1, call: 'ptrace', req: 'PT_ATTACH', target: 0.5, data: 0 }, 'target must be a 32-bit integer'],
    ['ptrace data', { pid: 1, call: 'ptrace', req: 'PT_CONTINUE', target: 2, data: 'SIGX' as never }, 'unknown signal'],
    ['setpgid', { pid: 1, call: 'setpgid', target: 0, pgid: 0.5 }, 'pgid must be a 32-bit integer'],
    ['tcsetpgrp', { pid: 1, call: 'tcsetpgrp', pgid: 0.5 }, 'pgid must be a 32-bit integer'],
    ['getpgid', { pid: 1, call: 'getpgid', target: 0.5 }, 'target must be a 32-bit integer'],
    ['abort2 nargs', { pid: 2, call: 'abort2', why: 'x', nargs: 0.5, args: [] }, 'nargs must be a 32-bit integer'],
    ['abort2 why', { pid: 2, call: 'abort2', why: 3 as never, nargs: 0, args: [] }, 'why must be a string or null'],
    ['abort2 args', { pid: 2, call: 'abort2', why: 'x', nargs: 1, args: [0.5] }, 'args must be null or a list of integers'],
    ['execve path', { pid: 2, call: 'execve', path: 3 as never }, 'path must be a string'],
    ['setuid', { pid: 2, call: 'setuid', uid: -1 }, 'uid must be a 32-bit unsigned integer'],
    ['setuid above uid_t', { pid: 2, call: 'setuid', uid: 2 ** 32 }, 'uid must be a 32-bit unsigned integer'],
    ['run', { pid: 2, call: 'run', ticks: -3 }, 'ticks must be an integer ≥ 0'],
    ['getrusage', { pid: 2, call: 'getrusage', who: 'RUSAGE_X' as never }, 'who must be'],
    ['not an object', null as never, 'a step must be an object'],
  ];
  test.each(rejected)('StepRejected (%s) names the call and the reason, and changes nothing', (_n, step, msg) => {
    const d = boot();
    d.fork(1);
    const before = JSON.stringify(d.snap());
    expect(() => d.oracle.apply(step)).toThrow(StepRejected);
    expect(() => d.oracle.apply(step)).toThrow(msg);
    expect(JSON.stringify(d.snap())).toBe(before);
    // The rejected step takes no index: the next accepted step is step 1.
    expect(d.oracle.apply({ pid: 1, call: 'getppid' }).observations[0].step).toBe(1);
  });

  test('StepRejected for callers that cannot run: zombie, stopped, asleep', () => {
    const d = boot();
    const a = d.fork(1);
    const b = d.fork(1);
    d.step(exit(a, 0));
    d.step(kill(b, b, 'SIGSTOP'));
    expect(() => d.step({ pid: a, call: 'getppid' })).toThrow('getppid: pid 2 is a zombie');
    expect(() => d.step({ pid: b, call: 'getppid' })).toThrow('pid 3 is stopped');
    d.step(wait4(1, b));
    expect(() => d.step({ pid: 1, call: 'getppid' })).toThrow('pid 1 is asleep in wait');
  });

  test('determinism: the same steps give the same results, byte for byte, in independent kernels', () => {
    const steps: Step[] = [
      { pid: 1, call: 'fork' }, { pid: 2, call: 'fork' }, { pid: 1, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'valid' },
      { pid: 3, call: 'kill', target: 2, sig: 'SIGTERM' }, { pid: 3, call: 'exit', code: 1 }, { pid: 1, call: 'owait' },
    ];
    const runOnce = () => {
      const d = boot();
      return JSON.stringify([steps.map((s) => d.step(s)), d.snap()]);
    };
    const first = runOnce();
    const other = boot();
    other.fork(1);
    other.fork(1);
    expect(runOnce()).toBe(first);
    expect(other.snap().nprocs).toBe(3);
  });

  test('a plugged-in MachineDependent gets the calls; StepResult.md is then left out; trace can be turned off', () => {
    const calls: string[] = [];
    const md = new Proxy({}, { get: (_t, hook) => (pid: number) => calls.push(`${String(hook)}:${pid}`) }) as MachineDependent;
    const d = boot({}, { md, trace: false });
    d.fork(1);
    const r = d.step(exit(2, 0));
    expect(r.md).toBeUndefined();
    expect(r.trace).toBeUndefined();
    expect(calls).toEqual(['vmspace_exit:2', 'cpu_exit:2', 'sched_exit:2', 'thread_exit:2', 'cpu_thread_exit:2']);
  });

  test('a kernel subclass overriding one small method plants one deviation', () => {
    class NoReparent extends Kernel {
      protected override reparentChildrenToInit(): void {}
    }
    const d = boot({}, { kernel: NoReparent, name: 'mutant' });
    expect(d.oracle.name).toBe('mutant');
    const p = d.fork(1);
    d.fork(p);
    d.step(exit(p, 0));
    expect(d.proc(p)!.children).toEqual([3]);
  });
});
