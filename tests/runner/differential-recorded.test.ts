import type { Fixture, Implementation, Interleaving, StepResult } from '../../interleaving';
import { createOracle } from '../../oracle';
import { MUTANTS } from '../../mutants';
import { generateRecorded } from '../../properties/generators/generate';
import { recordedSource } from '../../properties/generators/source';
import { createModel } from '../../properties/model';
import { runCampaign, type Campaign } from '../../runner/differential';
import { referenceFor } from '../../runner/differential-recorded';
import { execute } from '../../runner/execute';

/** The oracle, counting the steps it is asked to apply. */
function counting(): Implementation & { applied: number } {
  const oracle = createOracle();
  const impl = {
    name: oracle.name,
    applied: 0,
    reset: (c: Parameters<Implementation['reset']>[0]) => oracle.reset(c),
    apply: (s: Parameters<Implementation['apply']>[0]): StepResult => {
      impl.applied++;
      return oracle.apply(s);
    },
    snapshot: () => oracle.snapshot(),
  };
  return impl;
}

const generated = generateRecorded(12345, { model: createModel() });

describe('referenceFor', () => {
  it('keeps the reference for a plain interleaving', () => {
    const reference = createOracle();
    const il: Interleaving = { config: {}, steps: [{ pid: 1, call: 'fork' }] };
    expect(referenceFor(il, reference)).toEqual({ interleaving: il, reference });
  });

  it("answers a generated run from the model's results, without computing them again", async () => {
    const reference = counting();
    const chosen = referenceFor(generated, reference);
    expect(chosen.reference).not.toBe(reference);
    const outcome = await execute(createOracle(), chosen.interleaving, { reference: chosen.reference });
    expect(outcome.failure).toBeNull();
    expect(outcome.executed).toBe(generated.interleaving.steps.length);
    expect(reference.applied).toBe(0);
  });

  it('finds the same divergence on a mutant as the reference itself does', async () => {
    const source = recordedSource(3, 60);
    let compared = 0;
    for (let run = 0; run < 60; run++) {
      const g = source(run);
      const recorded = await execute(MUTANTS['pid0-is-wait-any'](), g.interleaving, { reference: referenceFor(g, createOracle()).reference });
      const replayed = await execute(MUTANTS['pid0-is-wait-any'](), g.interleaving, { reference: createOracle() });
      expect(recorded.failure).toEqual(replayed.failure);
      if (replayed.failure) compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('falls back to the reference when the configuration changed after generation', () => {
    const reference = createOracle();
    const changed = { ...generated, interleaving: { ...generated.interleaving, config: { ...generated.interleaving.config, maxproc: 17 } } };
    expect(referenceFor(changed, reference).reference).toBe(reference);
    expect(referenceFor(generated, undefined).reference).toBeUndefined();
  });

  it('refuses a step that is not the recorded one', async () => {
    const other: Interleaving = { config: generated.interleaving.config, steps: [{ pid: 1, call: 'getppid' }] };
    const ref = referenceFor(generated, createOracle()).reference!;
    await ref.reset(generated.config);
    expect(() => ref.apply(other.steps[0])).toThrow(/no recorded result for step 0 \(getppid by pid 1\)/);
  });
});

describe('runCampaign on recorded runs', () => {
  const campaign = (generate: Campaign['generate'], reference: Implementation, saved: Fixture[]): Campaign => ({
    target: MUTANTS['pid0-is-wait-any'](),
    reference,
    invariants: [],
    targetSpec: 'mutant:pid0-is-wait-any',
    profile: 'freebsd-r176365',
    seed: 3,
    runs: 200,
    generate,
    save: (f) => (saved.push(f), `${f.name}.json`),
  });

  it('reports what the plain reference replay reports, and shrinks on the reference itself', async () => {
    const source = recordedSource(3, 60);
    const plainSaved: Fixture[] = [];
    const plainReference = counting();
    const plain = await runCampaign(campaign((run) => source(run).interleaving, plainReference, plainSaved));
    const reference = counting();
    const recordedSaved: Fixture[] = [];
    const recorded = await runCampaign(campaign(source, reference, recordedSaved));
    expect(plain.report.failures).toHaveLength(1);
    expect(JSON.stringify(recorded.report)).toBe(JSON.stringify(plain.report));
    expect(recordedSaved).toEqual(plainSaved);
    expect(recorded.found[0].expected).toEqual(plain.found[0].expected);
    // The runs' steps were answered from the recording; the shrinker and the printout replayed the reference.
    expect(plainReference.applied - reference.applied).toBe(plain.report.steps);
    expect(reference.applied).toBeGreaterThan(0);
  });
});
