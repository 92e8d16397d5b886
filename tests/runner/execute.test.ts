import type { Implementation, Interleaving, StepResult } from '../../interleaving';
import { StepRejected } from '../../interleaving';
import type { Invariant } from '../../runner/check';
import { execute, executeSync, StepCounts } from '../../runner/execute';
import { ToyKernel } from './toy-kernel';

const il: Interleaving = {
  config: {},
  steps: [
    { pid: 1, call: 'fork' },
    { pid: 2, call: 'run', ticks: 3 },
    { pid: 2, call: 'exit', code: 7 },
    { pid: 1, call: 'run', ticks: 1 },
  ],
};

/** Fails on the first zombie with exit code 7. */
const noSeven: Invariant = {
  name: 'no-seven',
  statement: 'nobody exits 7',
  source: 'test',
  needs: ['snapshot'],
  start: () => ({ check: (c) => (c.after!.procs.some((p) => p.xstat === 7 << 8) ? `pid exited 7 at ${c.index}` : null) }),
};
const needsTrace: Invariant = { ...noSeven, name: 'needs-trace', needs: ['trace'] };

describe('execute', () => {
  it('applies every step and checks invariants after each', () => {
    const counts: Record<string, StepCounts> = {};
    const out = executeSync(new ToyKernel(), il, { invariants: [noSeven, needsTrace], counts });
    expect(out.failure).toEqual({ property: 'no-seven', step: 2, message: 'pid exited 7 at 2' });
    expect(out.executed).toBe(3);
    expect(counts['no-seven']).toEqual({ checked: 3, failed: 1, skipped: 0 });
    // The run stops at the failing check, so the step-2 check of needs-trace never happens.
    expect(counts['needs-trace']).toEqual({ checked: 0, failed: 0, skipped: 2 });
  });

  it('tallies each invariant by where the run stopped: before the failing one checked, after it not reached, across runs added up', () => {
    const holds = (name: string): Invariant => ({ ...noSeven, name, start: () => ({ check: () => null }) });
    const counts: Record<string, StepCounts> = {};
    for (let run = 0; run < 2; run++) executeSync(new ToyKernel(), il, { invariants: [holds('first'), noSeven, holds('last'), needsTrace], counts });
    expect(counts).toEqual({
      first: { checked: 6, failed: 0, skipped: 0 },
      'no-seven': { checked: 6, failed: 2, skipped: 0 },
      last: { checked: 4, failed: 0, skipped: 0 },
      'needs-trace': { checked: 0, failed: 0, skipped: 4 },
    });
    expect(Object.keys(counts)).toEqual(['first', 'no-seven', 'last', 'needs-trace']);
  });

  it('goes on after a failure when asked', () => {
    const out = executeSync(new ToyKernel(), il, { invariants: [noSeven], stopAtFirstFailure: false });
    expect(out.executed).toBe(4);
    expect(out.failure?.step).toBe(2);
  });

  it('stops at a rejected step and reports where', () => {
    const bad: Interleaving = { config: {}, steps: [{ pid: 1, call: 'fork' }, { pid: 5, call: 'run', ticks: 1 }] };
    const out = executeSync(new ToyKernel(), bad);
    expect(out).toMatchObject({ executed: 1, rejectedAt: 1, failure: null });
  });

  it('reports a divergence from the reference', () => {
    class Liar extends ToyKernel {
      override apply(step: Parameters<ToyKernel['apply']>[0]): StepResult {
        const r = super.apply(step);
        if (step.call === 'fork') r.observations[0].ret = 99;
        return r;
      }
    }
    const out = executeSync(new Liar(), il, { reference: new ToyKernel() });
    expect(out.failure).toMatchObject({ property: 'differential', step: 0 });
    expect(out.failure!.message).toContain('ret expected 2, got 99');
  });

  it('reports a step the target rejects but the reference takes', () => {
    class Picky extends ToyKernel {
      override apply(step: Parameters<ToyKernel['apply']>[0]): StepResult {
        if (step.call === 'run') throw new StepRejected('run', 'no');
        return super.apply(step);
      }
    }
    const out = executeSync(new Picky(), il, { reference: new ToyKernel() });
    expect(out.failure).toMatchObject({ property: 'rejected', step: 1 });
  });

  it('turns a crash into an implementation failure', () => {
    const crashing: Implementation = { name: 'crash', reset() {}, apply() { throw new Error('boom'); } };
    expect(executeSync(crashing, il).failure).toEqual({ property: 'implementation', step: 0, message: 'fork by pid 1: boom' });
  });

  it('drives asynchronous implementations the same way', async () => {
    const toy = new ToyKernel();
    const asyncToy: Implementation = {
      name: 'async',
      reset: async (c) => toy.reset(c),
      apply: async (s) => toy.apply(s),
      snapshot: async () => toy.snapshot(),
    };
    const a = await execute(asyncToy, il, { invariants: [noSeven] });
    const s = executeSync(new ToyKernel(), il, { invariants: [noSeven] });
    expect(a).toEqual(s);
    expect(executeSync(asyncToy, il).failure?.message).toContain('use execute()');
  });
});
