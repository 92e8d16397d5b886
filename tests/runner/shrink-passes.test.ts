import type { Step } from '../../interleaving';
import { simplerInts, simplerSteps } from '../../runner/shrink-args';
import { guessCreatedPids, lowerPidVariants, mapStepPids, pidsOf } from '../../runner/shrink-pids';

describe('shrink passes', () => {
  it('simpler integers go toward zero, never away', () => {
    expect(simplerInts(9)).toEqual([0, 1, 4, 8]);
    expect(simplerInts(1)).toEqual([0]);
    expect(simplerInts(0)).toEqual([]);
    expect(simplerInts(-4)).toEqual([0, 1, -2, -3]);
  });

  it('simplify arguments: fewer options, plainer pointers, simpler signals, fork for vfork', () => {
    const wait: Step = { pid: 1, call: 'wait4', wpid: 3, options: ['WNOHANG', 'WUNTRACED'], extraBits: 0x100, status: 'fault', rusage: 'valid' };
    expect(simplerSteps(wait)).toEqual([
      { ...wait, extraBits: undefined },
      { ...wait, options: ['WUNTRACED'] },
      { ...wait, options: ['WNOHANG'] },
      { ...wait, wpid: -1 },
      { ...wait, status: 'valid' },
      { ...wait, rusage: 'null' },
    ]);
    expect(simplerSteps({ pid: 2, call: 'kill', target: 3, sig: 'SIGSTOP' }).map((s) => (s as { sig: string }).sig)).toEqual(['SIGKILL', 'SIGTERM']);
    expect(simplerSteps({ pid: 2, call: 'vfork' })).toEqual([{ pid: 2, call: 'fork' }]);
    expect(simplerSteps({ pid: 2, call: 'getppid' })).toEqual([]);
  });

  it('rewrite every pid a step mentions, keeping the sign of pgrp selectors', () => {
    const s: Step = { pid: 4, call: 'setpgid', target: 5, pgid: 0 };
    expect(pidsOf(s)).toEqual([4, 5]);
    expect(mapStepPids(s, (p) => p - 1)).toEqual({ pid: 3, call: 'setpgid', target: 4, pgid: 0 });
    expect(mapStepPids({ pid: 1, call: 'kill', target: -5, sig: 0 }, (p) => p + 1)).toEqual({ pid: 2, call: 'kill', target: -6, sig: 0 });
    expect(mapStepPids({ pid: 1, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'null' }, () => 9)).toMatchObject({ pid: 9, wpid: -1 });
    expect(mapStepPids({ pid: 2, call: 'getpgid', target: 3 }, (p) => (p === 3 ? null : p))).toBeNull();
  });

  it('lower pids toward init and earlier processes', () => {
    expect(lowerPidVariants({ pid: 3, call: 'fork' }, [1, 2, 3])).toEqual([{ pid: 1, call: 'fork' }, { pid: 2, call: 'fork' }]);
  });

  it('guess the pids forks hand out in order, counting only process-creating calls', () => {
    const steps: Step[] = [{ pid: 1, call: 'fork' }, { pid: 1, call: 'rfork', flags: ['RFFDG'] }, { pid: 2, call: 'vfork' }, { pid: 1, call: 'rfork', flags: ['RFPROC'] }];
    expect(guessCreatedPids({ config: {}, steps })).toEqual([2, null, 3, 4]);
  });
});
