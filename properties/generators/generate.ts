import * as fc from 'fast-check';
import type { Implementation, Interleaving, ProcView, ProfileName, Snapshot, Step, StepResult } from '../../interleaving';
import { isPromise, StepRejected, withDefaults } from '../../interleaving';
import type { Bias } from './bias';
import { pickBias } from './bias';
import { MAKERS } from './catalogue';
import type { MakeContext } from './calls/maker';
import { pickConfig } from './config';
import { drainSteps } from './drain';
import { Rng } from './rng';
import { World } from './world';

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

/** A synchronous model: generation must not await. */
export interface SyncModel {
  reset(config: ReturnType<typeof withDefaults>): void;
  apply(step: Step): StepResult;
  snapshot(): Snapshot;
}

export function syncModel(impl: Implementation): SyncModel {
  if (!impl.snapshot) throw new Error(`${impl.name} cannot guide generation: it has no snapshot`);
  const sync = <T>(v: T | Promise<T>, what: string): T => {
    if (isPromise(v)) throw new Error(`${impl.name} answered ${what} asynchronously; generation needs a synchronous model`);
    return v;
  };
  return {
    reset: (c) => sync(impl.reset(c), 'reset'),
    apply: (s) => sync(impl.apply(s), 'apply'),
    snapshot: () => sync(impl.snapshot!(), 'snapshot'),
  };
}

/** The caller: init often (its waits are ordinary steps, §9.1), deeper processes a little more. */
function pickCaller(world: World, rng: Rng): ProcView {
  return rng.weighted(world.awake.map((p) => [p, p.pid === 1 ? 2.5 : 1 + 0.3 * Math.min(world.depth(p), 5)] as const))!;
}

/** One step for the current state, or null if no maker wants this caller. */
function nextStep(world: World, rng: Rng, bias: Bias, invalidShare: number): Step | null {
  const caller = pickCaller(world, rng);
  const ctx: MakeContext = { world, caller, rng, invalidShare };
  const maker = rng.weighted(MAKERS.map((m) => [m, m.weight(ctx) * (bias.get(m) ?? 1)] as const));
  return maker ? maker.make(ctx) : null;
}

/**
 * Generates one interleaving by running the model as it goes: each step is made for the state the
 * previous steps produced, and a step the model rejects is replaced by another, so every step is
 * valid; deliberately invalid arguments exercise the error paths instead.
 */
export function generateWith(rng: Rng, o: GenerateOptions): Interleaving {
  const model = syncModel(o.model);
  const maxSteps = o.maxSteps ?? 60;
  const invalidShare = o.invalidShare ?? 0.1;
  const config = pickConfig(rng);
  if (o.profile) config.profile = o.profile;
  const bias = pickBias(rng);
  const drain = rng.chance(o.drainShare ?? 0.25);
  const body = drain ? Math.max(0, rng.int(maxSteps >> 1, maxSteps) - 20) : rng.int(maxSteps >> 2, maxSteps);
  model.reset(withDefaults(config));
  const steps: Step[] = [];
  let world = new World(model.snapshot());
  for (let attempts = 0; steps.length < body && attempts < body * 4; attempts++) {
    if (world.snapshot.panic !== null || world.awake.length === 0) break;
    const step = nextStep(world, rng, bias, invalidShare);
    if (step === null) continue;
    try {
      model.apply(step);
    } catch (e) {
      if (e instanceof StepRejected) continue;
      throw e;
    }
    steps.push(step);
    world = new World(model.snapshot());
  }
  if (drain) steps.push(...drainSteps(model, world, maxSteps - steps.length));
  return { config, steps };
}

/** An fc.Arbitrary of interleavings; it does not shrink (our shrinker works on executed prefixes). */
export class InterleavingArbitrary extends fc.Arbitrary<Interleaving> {
  constructor(private readonly options: GenerateOptions) {
    super();
  }

  generate(mrng: fc.Random): fc.Value<Interleaving> {
    return new fc.Value(generateWith(new Rng(mrng), this.options), undefined);
  }

  canShrinkWithoutContext(_value: unknown): _value is Interleaving {
    return false;
  }

  shrink(): fc.Stream<fc.Value<Interleaving>> {
    return fc.Stream.nil();
  }
}

/** The interleaving of one run seed: the same seed always gives the same interleaving. */
export function generateInterleaving(seed: number, o: GenerateOptions): Interleaving {
  return fc.sample(new InterleavingArbitrary(o), { seed, numRuns: 1 })[0];
}
