import type { Fixture, Implementation, Interleaving } from '../../interleaving';
import { FIXTURE_FORMAT, FIXTURE_VERSION } from '../../interleaving';
import type { Failure } from '../../runner/execute';
import type { ShrinkResult } from '../../runner/shrink';
import { runOne, shrinkOn } from '../run-one';
import { runSeed } from '../seeds';
import type { Erratum } from './erratum';

/** Where a random run broke an erratum's ideal property. */
export interface Sighting {
  erratum: Erratum;
  /** The hunt's base seed and the run within it. */
  seed: number;
  run: number;
  runSeed: number;
  interleaving: Interleaving;
  failure: Failure;
}

export interface HuntOptions {
  seed: number;
  maxRuns: number;
  model: Implementation;
  maxSteps?: number;
}

/** Runs random interleavings from `seed` until one breaks the erratum (checked alone), or gives up. */
export function hunt(erratum: Erratum, o: HuntOptions): Sighting | null {
  for (let run = 0; run < o.maxRuns; run++) {
    const s = runSeed(o.seed, run);
    const { interleaving, outcome } = runOne(s, { model: o.model, checks: [erratum], maxSteps: o.maxSteps });
    if (outcome.failure?.property === erratum.name) return { erratum, seed: o.seed, run, runSeed: s, interleaving, failure: outcome.failure };
  }
  return null;
}

/** Shrinks a sighting on the model, with the erratum as the only check. */
export function shrinkSighting(s: Sighting, model: Implementation): Promise<ShrinkResult> {
  return shrinkOn(model, model, [s.erratum], s.interleaving, s.failure);
}

/** The fixture for a shrunk sighting: its E-number, what fixed it later, and how it was found. */
export function erratumFixture(s: Sighting, shrunk: ShrinkResult): Fixture {
  const e = s.erratum;
  return {
    format: FIXTURE_FORMAT,
    version: FIXTURE_VERSION,
    name: `${e.erratum.toLowerCase()}-${e.name.replace(/^erratum-e\d+-/, '')}`,
    kind: 'erratum',
    description: `Found by random runs: the seed breaks "${e.statement}" (${e.erratum}). ${shrunk.failure.message}.`,
    source: { seedLines: e.source, semantics: `§5 ${e.erratum}`, erratum: e.erratum, fixedBy: e.fixedBy },
    profiles: ['freebsd-r176365'],
    config: shrunk.interleaving.config,
    steps: shrunk.interleaving.steps,
    found: { property: e.name, seed: String(s.seed), run: s.run, step: shrunk.failure.step, minimalLength: shrunk.interleaving.steps.length },
  };
}
