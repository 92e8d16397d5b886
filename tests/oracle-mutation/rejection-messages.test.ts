import type { Step, StepOf } from '../../interleaving';
import { boot } from '../oracle/driver';

/**
 * A bad step's whole error text (the house rule: name what and where): `call: reason`, with the
 * offending value. tests/oracle/oracle.test.ts checks that each is rejected and changes nothing;
 * this pins every word, the call's name included.
 */
describe('StepRejected messages, word for word', () => {
  const w4: Omit<StepOf<'wait4'>, 'pid'> = { call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'null' };
  const rejected: [Partial<Step> & { pid: number }, string][] = [
    [{ pid: 1.5, call: 'getppid' }, 'getppid: pid must be an integer, got 1.5'],
    [{ pid: 9, call: 'getppid' }, 'getppid: pid 9: no such process'],
    [{ pid: 1, call: 'reboot' } as never, 'reboot: unknown call'],
    [{ pid: 2, call: 'exit', code: 0.5 }, 'exit: code must be a 32-bit integer, got 0.5'],
    [{ pid: 1, ...w4, wpid: 2 ** 40 }, 'wait4: wpid must be a 32-bit integer, got 1099511627776'],
    [{ pid: 1, ...w4, options: 'WNOHANG' as never }, 'wait4: options must be a list of W* names'],
    [{ pid: 1, ...w4, options: ['WBOGUS' as never] }, 'wait4: options: unknown option "WBOGUS"'],
    [{ pid: 1, ...w4, extraBits: 0.5 }, 'wait4: extraBits must be a 32-bit unsigned integer, got 0.5'],
    [{ pid: 1, ...w4, status: 'bad' as never }, 'wait4: status must be valid, null or fault, got "bad"'],
    [{ pid: 1, ...w4, rusage: 'bad' as never }, 'wait4: rusage must be valid, null or fault, got "bad"'],
    [{ pid: 1, call: 'kill', target: 2, sig: 'SIGFOO' as never }, 'kill: sig: unknown signal "SIGFOO"'],
    [{ pid: 1, call: 'kill', target: 2, sig: 1.5 }, 'kill: sig must be a 32-bit integer or a signal name, got 1.5'],
    [{ pid: 1, call: 'kill', target: 1.5, sig: 0 }, 'kill: target must be a 32-bit integer, got 1.5'],
    [{ pid: 1, call: 'rfork', flags: ['RFBOGUS' as never] }, 'rfork: flags: unknown flag "RFBOGUS"'],
    [{ pid: 1, call: 'rfork', flags: 'RFPROC' as never }, 'rfork: flags must be a list of RF* names'],
    [{ pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'x' as never, flags: [] }, 'sigaction: handler must be SIG_DFL, SIG_IGN or catch, got "x"'],
    [{ pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'catch', flags: ['SA_X' as never] }, 'sigaction: flags: unknown flag "SA_X"'],
    [{ pid: 1, call: 'sigaction', sig: 'SIGCHLD', handler: 'catch', flags: 1 as never }, 'sigaction: flags must be a list of SA_* names'],
    [{ pid: 1, call: 'sigprocmask', how: 'SIG_X' as never, sigs: [] }, 'sigprocmask: how must be SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK, got "SIG_X"'],
    [{ pid: 1, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: ['SIGX' as never] }, 'sigprocmask: sigs: unknown signal "SIGX"'],
    [{ pid: 1, call: 'sigprocmask', how: 'SIG_BLOCK', sigs: 3 as never }, 'sigprocmask: sigs must be a list of signal names'],
    [{ pid: 1, call: 'ptrace', req: 'PT_X' as never, target: 2, data: 0 }, 'ptrace: req: unknown request "PT_X"'],
    [{ pid: 1, call: 'ptrace', req: 'PT_ATTACH', target: 0.5, data: 0 }, 'ptrace: target must be a 32-bit integer, got 0.5'],
    [{ pid: 1, call: 'ptrace', req: 'PT_CONTINUE', target: 2, data: 'SIGX' as never }, 'ptrace: data: unknown signal "SIGX"'],
    [{ pid: 1, call: 'setpgid', target: 0.5, pgid: 0 }, 'setpgid: target must be a 32-bit integer, got 0.5'],
    [{ pid: 1, call: 'setpgid', target: 0, pgid: 0.5 }, 'setpgid: pgid must be a 32-bit integer, got 0.5'],
    [{ pid: 1, call: 'tcsetpgrp', pgid: 0.5 }, 'tcsetpgrp: pgid must be a 32-bit integer, got 0.5'],
    [{ pid: 1, call: 'getsid', target: 0.5 }, 'getsid: target must be a 32-bit integer, got 0.5'],
    [{ pid: 2, call: 'abort2', why: 'x', nargs: 0.5, args: [] }, 'abort2: nargs must be a 32-bit integer, got 0.5'],
    [{ pid: 2, call: 'abort2', why: 3 as never, nargs: 0, args: [] }, 'abort2: why must be a string or null'],
    [{ pid: 2, call: 'abort2', why: 'x', nargs: 1, args: [0.5] }, 'abort2: args must be null or a list of integers'],
    [{ pid: 2, call: 'execve', path: 3 as never }, 'execve: path must be a string'],
    [{ pid: 2, call: 'setuid', uid: -1 }, 'setuid: uid must be a 32-bit unsigned integer, got -1'],
    [{ pid: 2, call: 'setuid', uid: 2 ** 32 }, 'setuid: uid must be a 32-bit unsigned integer, got 4294967296'],
    [{ pid: 2, call: 'run', ticks: 1.5 }, 'run: ticks must be an integer ≥ 0, got 1.5'],
    // Values their C type cannot hold (int, pid_t, uid_t, wait's option bits): malformed, as the fixture schema has them.
    [{ pid: 1, call: 'kill', target: 2 ** 31, sig: 0 }, 'kill: target must be a 32-bit integer, got 2147483648'],
    [{ pid: 1, call: 'kill', target: 2, sig: -(2 ** 31) - 1 }, 'kill: sig must be a 32-bit integer or a signal name, got -2147483649'],
    [{ pid: 1, call: 'ptrace', req: 'PT_ATTACH', target: 2 ** 40, data: 0 }, 'ptrace: target must be a 32-bit integer, got 1099511627776'],
    [{ pid: 1, call: 'ptrace', req: 'PT_CONTINUE', target: 2, data: 2 ** 32 }, 'ptrace: data must be a 32-bit integer or a signal name, got 4294967296'],
    [{ pid: 1, call: 'setpgid', target: 0, pgid: 2 ** 31 }, 'setpgid: pgid must be a 32-bit integer, got 2147483648'],
    [{ pid: 1, call: 'getsid', target: -(2 ** 31) - 1 }, 'getsid: target must be a 32-bit integer, got -2147483649'],
    [{ pid: 2, call: 'exit', code: 2 ** 31 }, 'exit: code must be a 32-bit integer, got 2147483648'],
    [{ pid: 2, call: 'abort2', why: 'x', nargs: 2 ** 31, args: [] }, 'abort2: nargs must be a 32-bit integer, got 2147483648'],
    [{ pid: 1, ...w4, extraBits: 2 ** 32 }, 'wait4: extraBits must be a 32-bit unsigned integer, got 4294967296'],
    [{ pid: 1, ...w4, extraBits: -1 }, 'wait4: extraBits must be a 32-bit unsigned integer, got -1'],
    [{ pid: 2, call: 'getrusage', who: 'RUSAGE_X' as never }, 'getrusage: who must be RUSAGE_SELF or RUSAGE_CHILDREN, got "RUSAGE_X"'],
    [null as never, 'step: a step must be an object'],
    [42 as never, 'step: a step must be an object'],
    [{ pid: 9, call: 5 } as never, 'step: pid 9: no such process'],
  ];
  test.each(rejected)('%j is refused with its whole message', (step, message) => {
    const d = boot();
    d.fork(1);
    expect(() => d.oracle.apply(step as Step)).toThrow(new Error(message));
  });

  test('callers that cannot act are named with their state', () => {
    const d = boot();
    const zombie = d.fork(1);
    const stopped = d.fork(1);
    d.step({ pid: zombie, call: 'exit', code: 0 });
    d.step({ pid: 1, call: 'kill', target: stopped, sig: 'SIGSTOP' });
    d.step({ pid: 1, call: 'wait4', wpid: stopped, options: [], status: 'valid', rusage: 'null' }); // step 4: asleep
    expect(() => d.step({ pid: zombie, call: 'getppid' })).toThrow(new Error(`getppid: pid ${zombie} is a zombie`));
    expect(() => d.step({ pid: stopped, call: 'getppid' })).toThrow(new Error(`getppid: pid ${stopped} is stopped`));
    expect(() => d.step({ pid: 1, call: 'getppid' })).toThrow(new Error('getppid: pid 1 is asleep in wait (since step 4)'));
  });

  test('a step after a panic, and a call the profile lacks, are refused by name', () => {
    const d = boot();
    d.step({ pid: 1, call: 'exit', code: 0 });
    expect(() => d.step({ pid: 1, call: 'getppid' })).toThrow(new Error('getppid: the kernel has panicked (init died); reset it'));
    const l = boot({ profile: 'linux' });
    expect(() => l.step({ pid: 1, call: 'owait' })).toThrow(new Error('owait: unsupported: linux has no owait'));
    const c = l.fork(1);
    expect(() => l.step({ pid: c, call: 'ptrace', req: 'PT_ATTACH', target: 1, data: 0 })).toThrow(new Error('ptrace: unsupported: tracing the namespace init (pid 1)'));
  });
});
