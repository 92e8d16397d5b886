import type { Implementation, Interleaving, Step, StepResult } from '../../interleaving';
import { orderableFor } from '../../cli/interleavings';
import { createOracle } from '../../oracle';
import { replayFailure, type Judge } from '../../runner/differential-shrink';

const fork = (pid: number): Step => ({ pid, call: 'fork' });
const kill0 = (pid: number): Step => ({ pid, call: 'kill', target: 0, sig: 'SIGKILL' });
const sleepingWait: Step = { pid: 1, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'null' };

/** Init sleeps in wait(-1) while one child kills its group: on Linux which child it returns is timing (seed 4 run 21). */
const kill0Race: Interleaving = { config: { profile: 'linux' }, steps: [fork(1), fork(1), sleepingWait, kill0(3), sleepingWait] };

/** The oracle on the linux profile, but every returned pid from step `from` on is off by one. */
function lyingFrom(from: number): Implementation {
  const oracle = createOracle();
  let index = 0;
  return {
    name: 'liar',
    reset: (c) => { index = 0; return oracle.reset(c); },
    apply: async (s): Promise<StepResult> => {
      const r = await oracle.apply(s);
      if (index++ < from) return r;
      return { ...r, observations: r.observations.map((o) => (o.kind === 'return' && (o.ret ?? 0) > 0 ? { ...o, ret: o.ret! + 1 } : o)) };
    },
  };
}

const judge = (target: Implementation, orderable?: Judge['orderable']): Judge => ({
  target, reference: createOracle(), invariants: [], compare: { expectedProfile: 'linux', actualProfile: 'linux' }, orderable,
});

describe('a failure only after a race the target cannot order does not count', () => {
  it('cutAtRaces puts the kill(0) race of two children of a sleeping init at its step', () => {
    expect(orderableFor('linux')!(kill0Race)).toBe(3);
    expect(orderableFor('freebsd-r176365')).toBeUndefined();
  });

  it('drops a divergence at the racing step, keeps one before it', async () => {
    const atRace = lyingFrom(3);
    expect((await replayFailure(judge(atRace), kill0Race))?.step).toBe(3);
    expect(await replayFailure(judge(atRace, orderableFor('linux')), kill0Race)).toBeNull();
    const before = lyingFrom(1);
    expect((await replayFailure(judge(before, orderableFor('linux')), kill0Race))?.step).toBe(1);
  });
});
