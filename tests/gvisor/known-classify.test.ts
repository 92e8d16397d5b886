import type { Fixture, Implementation, Interleaving, Step, StepResult } from '../../interleaving';
import { withDefaults } from '../../interleaving';
import { createOracle } from '../../oracle';
import { runCampaign } from '../../runner/differential';
import { replayFailure, shrinkOnTarget } from '../../runner/differential-shrink';
import { exitCodeOf } from '../../runner/report';
import { classifyGvisorFailure, gvisorKnownDivergences, GVISOR_KNOWN } from '../../adapters/gvisor/known-list';
import { GVISOR_DIVERGENCES } from '../../adapters/gvisor/known-divergences';
import { SIGNATURES } from '../../adapters/gvisor/signatures';

/**
 * The known-divergence judge without a sandbox: a stand-in target (the oracle's linux profile with
 * planted lies) shows that a lie like G3 is counted and not shrunk, and that a lie no entry
 * describes is a real failure, shrunk without slipping into a known one. tests/gvisor/
 * known-divergences.test.ts checks the judge against gVisor itself.
 */

type Lie = (step: Step, r: StepResult) => void;

/** setsid returns 0, as gVisor does (G3). */
const setsidZero: Lie = (step, r) => {
  if (step.call === 'setsid' && (r.observations[0].ret ?? 0) > 0) r.observations[0].ret = 0;
};
/** getppid is off by 100: no known divergence looks like that. */
const ppidOff: Lie = (step, r) => {
  if (step.call === 'getppid') r.observations[0].ret = (r.observations[0].ret ?? 0) + 100;
};

function liar(...lies: Lie[]): Implementation {
  const oracle = createOracle();
  return {
    name: 'gvisor',
    reset: (c) => oracle.reset(c),
    apply: (s) => {
      const r = structuredClone(oracle.apply(s));
      for (const lie of lies) lie(s, r);
      return r;
    },
  };
}

const fork = (pid: number): Step => ({ pid, call: 'fork' });
const LINUX = { profile: 'linux' as const };

async function campaign(target: Implementation, interleavings: Interleaving[]) {
  const saved: Fixture[] = [];
  const result = await runCampaign({
    target,
    reference: createOracle(),
    invariants: [],
    compare: { expectedProfile: 'linux', actualProfile: 'linux' },
    targetSpec: 'gvisor',
    profile: 'linux',
    seed: 0,
    runs: interleavings.length,
    maxFailures: 10,
    generate: (run) => interleavings[run],
    save: (f) => (saved.push(f), `${f.name}.json`),
    known: gvisorKnownDivergences,
  });
  return { ...result, saved };
}

describe('known gVisor divergences: the judge', () => {
  test('every entry has a signature, and the ids follow the list', () => {
    expect(GVISOR_KNOWN.map((k) => k.id)).toEqual(GVISOR_DIVERGENCES.map((_, i) => `G${i + 1}`));
    expect(Object.keys(SIGNATURES).sort()).toEqual(GVISOR_DIVERGENCES.map((d) => d.name).sort());
  });

  test('a G3-like lie is counted against G3, not shrunk, and the run exits 0', async () => {
    const il: Interleaving = { config: LINUX, steps: [fork(1), fork(1), { pid: 2, call: 'setsid' }, { pid: 3, call: 'getppid' }] };
    const { report, found, saved } = await campaign(liar(setsidZero), [il, il]);
    expect(report.known).toEqual([{ id: 'G3', fixture: 'fixtures/gvisor/gvisor-setsid-returns-zero.json', runs: 2, firstRun: 0 }]);
    expect({ found: found.length, saved: saved.length, exit: exitCodeOf(report) }).toEqual({ found: 0, saved: 0, exit: 0 });
  });

  test('a lie no entry describes is a failure, and shrinking keeps it: a candidate that only shows a known one does not count', async () => {
    // setsid by 2 is EPERM while 2 leads its group; dropping the setpgid makes it succeed, and the
    // setsid lie (G3) would then fail first: a shrinker that took that would lose the real failure.
    const il: Interleaving = { config: LINUX, steps: [fork(1), { pid: 2, call: 'setpgid', target: 0, pgid: 0 }, { pid: 2, call: 'setsid' }, { pid: 2, call: 'getppid' }] };
    const { report, found } = await campaign(liar(setsidZero, ppidOff), [il]);
    expect(exitCodeOf(report)).toBe(1);
    expect(report.known).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0].interleaving.steps[found[0].step]).toMatchObject({ call: 'getppid' });
    // The control: the same shrink without the known list slips into the setsid lie.
    const judge = { target: liar(setsidZero, ppidOff), reference: createOracle(), invariants: [], compare: { expectedProfile: 'linux' as const, actualProfile: 'linux' as const } };
    const failure = (await replayFailure(judge, il))!;
    const slipped = await shrinkOnTarget(judge, il, failure);
    expect(slipped.interleaving.steps[slipped.failure.step]).toMatchObject({ call: 'setsid' });
  });

  test('a lasting divergence explains later drift, and calls by or on the processes it touched, but not another one\'s wrong return value', () => {
    const lieAt = (steps: Step[]) => {
      const r = steps.map((s) => (s.call === 'getppid' ? { observations: [{ step: 0, pid: s.pid, call: s.call, kind: 'return' as const, ret: 99 }], log: [] } : null));
      return { il: { config: LINUX, steps }, failure: { property: 'differential', step: steps.length - 1, message: 'planted' }, actual: r as StepResult[] };
    };
    const tstp: Step = { pid: 1, call: 'kill', target: 2, sig: 'SIGTSTP' };
    const stoppedOne = lieAt([fork(1), fork(1), tstp, { pid: 2, call: 'getppid' }]);
    const otherOne = lieAt([fork(1), fork(1), tstp, { pid: 3, call: 'getppid' }]);
    const before = lieAt([fork(1), fork(1), { pid: 2, call: 'getppid' }]);
    const drift = { ...otherOne, failure: { property: 'rejected', step: 3, message: 'gvisor rejected a step oracle took: getppid: pid 3 is stopped' }, actual: [] };
    // A refused step is drift, put down to the terminal stop of the orphaned group (G4).
    expect(classifyGvisorFailure(drift.il, drift.failure, drift.actual)?.id).toBe('G4');
    // The process gVisor stopped answers anything differently: its own calls count too.
    expect(classifyGvisorFailure(stoppedOne.il, stoppedOne.failure, stoppedOne.actual)?.id).toBe('G4');
    // Another process's wrong return value is not put down to it, nor anything before the trigger.
    expect(classifyGvisorFailure(otherOne.il, otherOne.failure, otherOne.actual)).toBeNull();
    expect(classifyGvisorFailure(before.il, before.failure, before.actual)).toBeNull();
  });

  test('after a stopped process and a tree change (G6), a call on its group counts; one inside another group does not', () => {
    const steps = (last: Step): Step[] => [fork(1), fork(1), { pid: 3, call: 'setpgid', target: 0, pgid: 0 }, { pid: 1, call: 'kill', target: 2, sig: 'SIGSTOP' }, { pid: 1, call: 'setpgid', target: 2, pgid: 1 }, last];
    const esrch = (il: Interleaving) => {
      const oracle = createOracle();
      oracle.reset(withDefaults(il.config));
      const results = il.steps.map((st) => structuredClone(oracle.apply(st)));
      results[5].observations[0] = { ...results[5].observations[0], ret: undefined, errno: 'ESRCH' };
      return classifyGvisorFailure(il, { property: 'differential', step: 5, message: 'planted' }, results);
    };
    expect(esrch({ config: LINUX, steps: steps({ pid: 1, call: 'kill', target: 2, sig: 0 }) })?.id).toBe('G6');
    expect(esrch({ config: LINUX, steps: steps({ pid: 3, call: 'kill', target: 3, sig: 0 }) })).toBeNull();
  });

  test('an invariant failure or a broken target is never a known divergence', () => {
    const il: Interleaving = { config: LINUX, steps: [{ pid: 1, call: 'kill', target: 1, sig: 'SIGKILL' }, fork(1)] };
    for (const property of ['implementation', 'zombie-has-parent'])
      expect(classifyGvisorFailure(il, { property, step: 1, message: 'x' }, [])).toBeNull();
    expect(classifyGvisorFailure(il, { property: 'rejected', step: 1, message: 'gvisor rejected a step oracle took: fork: pid 1 has exited' }, [])?.id).toBe('G1');
  });
});
