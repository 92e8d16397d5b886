import type { Interleaving, Step } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { executeSync } from '../../runner/execute';
import type { Failure } from '../../runner/execute';
import { shrink } from '../../runner/shrink';
import { removeWithProcesses } from '../../runner/shrink-pids';
import { formatShrunk } from '../../runner/shrink-print';
import { ToyKernel } from './toy-kernel';

/** Fails once some process (init too, unless `childrenOnly`) has run 5 ticks or more and then exited. */
function busyExit(childrenOnly: boolean): Invariant {
  return {
    name: 'busy-exit',
    statement: 'no process exits after running 5 ticks',
    source: 'test',
    needs: ['snapshot'],
    start: () => ({
      check: (c) => (c.after!.procs.some((p) => p.state === 'ZOMBIE' && p.ru.utime >= 5 && (!childrenOnly || p.pid !== 1)) ? 'busy exit' : null),
    }),
  };
}

function failsOn(invariant: Invariant) {
  return (il: Interleaving): Failure | null => {
    const out = executeSync(new ToyKernel(), il, { invariants: [invariant] });
    return out.rejectedAt !== null ? null : out.failure;
  };
}

const fails = failsOn(busyExit(true));

const noisy: Interleaving = {
  config: {},
  steps: [
    { pid: 1, call: 'fork' }, // 2
    { pid: 1, call: 'fork' }, // 3
    { pid: 2, call: 'run', ticks: 2 },
    { pid: 2, call: 'fork' }, // 4
    { pid: 3, call: 'run', ticks: 9 },
    { pid: 4, call: 'run', ticks: 1 },
    { pid: 1, call: 'run', ticks: 3 },
    { pid: 3, call: 'exit', code: 42 },
    { pid: 4, call: 'exit', code: 1 },
    { pid: 1, call: 'run', ticks: 3 },
  ],
};

describe('shrink', () => {
  it('finds a 1-minimal interleaving, renumbering pids when a fork goes', async () => {
    const first = fails(noisy)!;
    expect(first).toMatchObject({ property: 'busy-exit', step: 7 });
    const out = await shrink(noisy, first, fails);
    // Process 3 becomes process 2 once the fork of the old 2 is removed.
    expect(out.interleaving.steps).toEqual([
      { pid: 1, call: 'fork' },
      { pid: 2, call: 'run', ticks: 5 },
      { pid: 2, call: 'exit', code: 0 },
    ]);
    expect(out.minimal).toBe(true);
    expect(out.replays).toBeGreaterThan(0);
    const steps = out.interleaving.steps;
    for (let i = 0; i < steps.length; i++) {
      expect(fails({ config: {}, steps: [...steps.slice(0, i), ...steps.slice(i + 1)] })).toBeNull();
    }
  });

  it('folds a process into its creator when only what it did matters', async () => {
    const anyone = failsOn(busyExit(false));
    const out = await shrink(noisy, anyone(noisy)!, anyone);
    expect(out.interleaving.steps).toEqual([
      { pid: 1, call: 'run', ticks: 5 },
      { pid: 1, call: 'exit', code: 0 },
    ]);
    expect(out.minimal).toBe(true);
  });

  it('respects the replay budget and says the result may not be minimal', async () => {
    const out = await shrink(noisy, fails(noisy)!, fails, { maxReplays: 3 });
    expect(out.replays).toBe(3);
    expect(out.minimal).toBe(false);
    expect(fails(out.interleaving)).not.toBeNull();
  });

  it('drops the steps of a removed process and shifts the later pids', () => {
    const steps: Step[] = [
      { pid: 1, call: 'fork' },
      { pid: 1, call: 'fork' },
      { pid: 2, call: 'run', ticks: 1 },
      { pid: 1, call: 'kill', target: 3, sig: 'SIGTERM' },
      { pid: 1, call: 'wait4', wpid: -3, options: [], status: 'valid', rusage: 'null' },
    ];
    expect(removeWithProcesses(steps, 0, 1, [2, 3, null, null, null])).toEqual([
      { pid: 1, call: 'fork' },
      { pid: 1, call: 'kill', target: 2, sig: 'SIGTERM' },
      { pid: 1, call: 'wait4', wpid: -2, options: [], status: 'valid', rusage: 'null' },
    ]);
  });

  it('prints one line per step with its observations, the seed and the replay command', async () => {
    const out = await shrink(noisy, fails(noisy)!, fails);
    const results = executeSync(new ToyKernel(), out.interleaving).results;
    const text = formatShrunk(out.interleaving, results, out.failure, { seed: 42, command: 'reapcheck replay x.json' });
    expect(text.split('\n')).toEqual([
      'busy-exit fails at step 2: busy exit',
      '  0  pid 1 fork()  ⇒ pid 1 fork → 2',
      '  1  pid 2 run(ticks=5)  ⇒ pid 2 run → 0',
      '  2  pid 2 exit(code=0)  ⇒ pid 2 exit does not return',
      'seed: 42',
      'replay: reapcheck replay x.json',
    ]);
  });
});
