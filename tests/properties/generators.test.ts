import type { Interleaving } from '../../interleaving';
import { createOracle } from '../../oracle';
import { withPidSpaceFor } from '../../properties/generators/config';
import { generateInterleaving } from '../../properties/generators/generate';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';

const model = createModel();
const sample: Interleaving[] = Array.from({ length: 300 }, (_, i) => generateInterleaving(runSeed(31337, i), { model }));
const oracle = createModel();
const outcomes = sample.map((il) => executeSync(oracle, il));

describe('generators', () => {
  it('produce interleavings of up to 60 steps that the model takes step by step', () => {
    for (const [i, il] of sample.entries()) {
      expect(il.steps.length).toBeLessThanOrEqual(60);
      expect(outcomes[i].rejectedAt).toBeNull();
      expect(outcomes[i].executed).toBe(il.steps.length);
    }
  });

  it('keep a controlled share of calls failing with an errno (error paths), well below the valid ones', () => {
    const own = outcomes.flatMap((o) => o.results.map((r) => r.observations[0]));
    const failing = own.filter((o) => o.errno).length / own.length;
    expect(failing).toBeGreaterThan(0.05);
    expect(failing).toBeLessThan(0.3);
    const errnos = new Set(own.map((o) => o.errno).filter(Boolean));
    for (const e of ['EINVAL', 'ECHILD', 'ESRCH', 'EPERM', 'EBUSY', 'EFAULT']) expect(errnos).toContain(e);
  });

  it('exercise every call of the step vocabulary', () => {
    const calls = new Set(sample.flatMap((il) => il.steps.map((s) => s.call)));
    for (const c of ['fork', 'vfork', 'rfork', 'thr_new', 'exit', 'abort2', 'wait4', 'owait', 'kill', 'sigaction', 'sigprocmask', 'ptrace', 'setpgid', 'setsid', 'setctty', 'tcsetpgrp', 'execve', 'setuid', 'run', 'getppid', 'getpgid', 'getsid', 'getrusage', 'sigpending']) {
      expect([c, calls.has(c as never)]).toEqual([c, true]);
    }
  });

  it('use small pid spaces in a share of runs, so pids are reused', () => {
    const small = sample.filter((il) => (il.config.pidMax ?? 99999) < 20).length / sample.length;
    expect(small).toBeGreaterThan(0.2);
    expect(small).toBeLessThan(0.5);
  });
});

describe('the linux profile', () => {
  it('draws no pid space Linux refuses (pids wrap to RESERVED_PIDS 300, linux.md J3), and every other draw as on FreeBSD', () => {
    const linuxModel = createOracle();
    for (const [i, il] of sample.slice(0, 100).entries()) {
      const { pidMax: _max, pidFloor: _floor, ...rest } = il.config;
      expect(generateInterleaving(runSeed(31337, i), { model: linuxModel, profile: 'linux' }).config).toEqual({ ...rest, profile: 'linux' });
    }
  });

  it('keeps a pid space the profile takes and drops one it refuses', () => {
    expect(withPidSpaceFor({ pidMax: 300, pidFloor: 2, nprocLimit: 2 }, 'linux')).toEqual({ nprocLimit: 2 });
    expect(withPidSpaceFor({ pidMax: 301, pidFloor: 2 }, 'linux')).toEqual({ pidMax: 301, pidFloor: 2 });
    expect(withPidSpaceFor({ pidMax: 6, pidFloor: 2 }, 'freebsd-r176365')).toEqual({ pidMax: 6, pidFloor: 2 });
    expect(withPidSpaceFor({ maxproc: 4 }, 'linux')).toEqual({ maxproc: 4 });
  });

  it('the invariants that are not r176365-specific hold on the oracle with the linux profile', async () => {
    const { soak } = await import('../../properties/soak');
    const r = await soak({ runs: 150, seed: 4242, profile: 'linux' });
    if (r.failedRuns > 0) throw new Error(r.text);
    expect(r.text.split('\n')[0]).toContain('profile linux');
  });
});
