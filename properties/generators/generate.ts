import * as fc from 'fast-check';
import type { Config, Implementation, Interleaving, ProfileName, Step, StepResult } from '../../interleaving';
import { withDefaults } from '../../interleaving';
import type { Bias } from './bias';
import { pickBias } from './bias';
import { MAKERS } from './catalogue';
import type { MakeContext } from './calls/maker';
import { pickConfig } from './config';
import { drain } from './drain';
import { MakerWeights } from './maker-weights';
import { Recording } from './recording';
import { Rng } from './rng';
import { syncModel } from './sync-model';
import type { World, WorldProc } from './world';

export interface GenerateOptions {
  /** The model that guides generation; it must answer synchronously (the oracle does). */
  model: Implementation;
  /** Longest interleaving, drain included (default 60). */
  maxSteps?: number;
  /** Share of deliberately invalid arguments (default 0.1). */
  invalidShare?: number;
  /** Share of runs that end with init killing everyone and reaping (default 0.25). */
  drainShare?: number;
  /** The profile the model runs (and the interleaving's config names); default: the config default. */
  profile?: ProfileName;
}

/** The generator's share of deliberately invalid arguments when the options do not say. */
export const DEFAULT_INVALID_SHARE = 0.1;

/** A generated interleaving with the model's result for every step, and the configuration the model ran. */
export interface Generated {
  interleaving: Interleaving;
  /** What the model answered to each step: what it answers again on a replay from `config` (trace events if it reports them). */
  results: StepResult[];
  /** `withDefaults(interleaving.config)` as generated: the model was reset with it. */
  config: Config;
}

/** The caller: init often (its waits are ordinary steps, §9.1), deeper processes a little more. */
function pickCaller(world: World, rng: Rng): WorldProc | undefined {
  return rng.weightedBy(world.awake, (p) => (p.pid === 1 ? 2.5 : 1 + 0.3 * Math.min(world.depth(p), 5)));
}

/** The makers' weights of the current draw (nextStep does not nest). */
const makerWeights = new MakerWeights();

/** One step for the current state (caller, then maker by weight times the run's bias), or null if no maker wants this caller. */
export function nextStep(world: World, rng: Rng, bias: Bias, invalidShare: number): Step | null {
  const caller = pickCaller(world, rng);
  if (!caller) return null;
  const ctx: MakeContext = { world, caller, rng, invalidShare };
  const chosen = rng.indexByWeight(makerWeights.of(ctx, bias), MAKERS.length);
  return chosen < 0 ? null : MAKERS[chosen].make(ctx);
}

/**
 * Generates one interleaving by running the model as it goes: each step is made for the state the
 * previous steps produced, and a step the model rejects is replaced by another, so every step is
 * valid; deliberately invalid arguments exercise the error paths instead. The model's results are
 * kept beside the steps.
 */
export function generateRecordedWith(rng: Rng, o: GenerateOptions): Generated {
  const model = syncModel(o.model);
  const maxSteps = o.maxSteps ?? 60;
  const invalidShare = o.invalidShare ?? DEFAULT_INVALID_SHARE;
  const config = pickConfig(rng, o.profile);
  const bias = pickBias(rng);
  const drains = rng.chance(o.drainShare ?? 0.25);
  const body = drains ? Math.max(0, rng.int(maxSteps >> 1, maxSteps) - 20) : rng.int(maxSteps >> 2, maxSteps);
  const modelConfig = withDefaults(config);
  model.reset(modelConfig);
  const rec = new Recording(model);
  let world = model.world();
  for (let attempts = 0; rec.steps.length < body && attempts < body * 4; attempts++) {
    if (world.state.panic !== null || world.awake.length === 0) break;
    const step = nextStep(world, rng, bias, invalidShare);
    if (step === null || rec.take(step) === null) continue;
    world = model.world();
  }
  if (drains) drain(rec, world, maxSteps);
  return { interleaving: { config, steps: rec.steps }, results: rec.results, config: modelConfig };
}

/** `generateRecordedWith` without the results. */
export function generateWith(rng: Rng, o: GenerateOptions): Interleaving {
  return generateRecordedWith(rng, o).interleaving;
}

/** An fc.Arbitrary of generated interleavings; it does not shrink (our shrinker works on executed prefixes). */
export class GeneratedArbitrary extends fc.Arbitrary<Generated> {
  constructor(private readonly options: GenerateOptions) {
    super();
  }

  generate(mrng: fc.Random): fc.Value<Generated> {
    return new fc.Value(generateRecordedWith(new Rng(mrng), this.options), undefined);
  }

  canShrinkWithoutContext(_value: unknown): _value is Generated {
    return false;
  }

  shrink(): fc.Stream<fc.Value<Generated>> {
    return fc.Stream.nil();
  }
}

/** The interleaving of one run seed, with the model's results: the same seed always gives the same. */
export function generateRecorded(seed: number, o: GenerateOptions): Generated {
  return fc.sample(new GeneratedArbitrary(o), { seed, numRuns: 1 })[0];
}

/** The interleaving of one run seed: the same seed always gives the same interleaving. */
export function generateInterleaving(seed: number, o: GenerateOptions): Interleaving {
  return generateRecorded(seed, o).interleaving;
}
