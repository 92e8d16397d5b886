import { readdirSync } from 'fs';
import { join } from 'path';
import { checksFor } from '../../properties/checks';
import { ERRATA, ERRATA_BY_NAME } from '../../properties/errata';
import { hunt, shrinkSighting } from '../../properties/errata/hunt';
import { INVARIANTS } from '../../properties/invariants';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';
import { executeSync } from '../../runner/execute';
import { readFixture } from '../../runner/fixture-reader';

const DIR = join(__dirname, '../../fixtures/errata');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFixture(join(DIR, f)));
const model = createModel();

describe('errata', () => {
  it('are off in a conformance run and on with the switch', () => {
    expect(checksFor()).toEqual(INVARIANTS);
    expect(checksFor({ errata: true })).toEqual([...INVARIANTS, ...ERRATA]);
  });

  it('at least six are stored, each with its E-number and the change that fixed it', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    const numbers = fixtures.map((f) => f.source?.erratum);
    expect(new Set(numbers).size).toBe(fixtures.length);
    for (const f of fixtures) {
      expect(f.kind).toBe('erratum');
      expect(f.source?.fixedBy).toBeTruthy();
      expect(ERRATA_BY_NAME.get(f.found!.property)?.erratum).toBe(f.source?.erratum);
    }
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const erratum = ERRATA_BY_NAME.get(f.found!.property)!;

    it('is broken by the stored interleaving at the recorded step, and no invariant is', () => {
      expect(executeSync(model, f, { invariants: [erratum] }).failure?.step).toBe(f.found!.step);
      expect(executeSync(model, f, { invariants: INVARIANTS })).toMatchObject({ failure: null, rejectedAt: null });
    });

    it('is 1-minimal: without any one of its steps the erratum holds or the run is invalid', () => {
      f.steps.forEach((_, i) => {
        const out = executeSync(model, { config: f.config, steps: f.steps.filter((_s, j) => j !== i) }, { invariants: [erratum] });
        expect(out.rejectedAt !== null || out.failure === null).toBe(true);
      });
    });

    it('is found again from its recorded seed and shrinks to its recorded length', async () => {
      const s = hunt(erratum, { seed: runSeed(Number(f.found!.seed), f.found!.run!), maxRuns: 1, model });
      expect(s).not.toBeNull();
      const shrunk = await shrinkSighting(s!, model);
      expect(shrunk.minimal).toBe(true);
      expect(shrunk.interleaving.steps).toHaveLength(f.found!.minimalLength!);
      expect(shrunk.interleaving.steps).toEqual(f.steps);
    });
  });
});
