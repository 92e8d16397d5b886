import type { ProcView, Step } from '../../interleaving';
import type { Bias } from '../../properties/generators/bias';
import { MAKERS } from '../../properties/generators/catalogue';
import type { Rng } from '../../properties/generators/rng';
import type { World } from '../../properties/generators/world';

/** The generator's share of deliberately invalid arguments (generate.ts default). */
const INVALID_SHARE = 0.1;

/**
 * One step for the current state with the catalogue's makers and weights, as
 * properties/generators/generate.ts picks it (caller weights, then maker weights times the run's
 * bias). generate.ts keeps this private; exporting its `nextStep` would remove this copy.
 */
export function pickStep(world: World, rng: Rng, bias: Bias): Step | null {
  const caller = rng.weighted(world.awake.map((p: ProcView) => [p, p.pid === 1 ? 2.5 : 1 + 0.3 * Math.min(world.depth(p), 5)] as const));
  if (!caller) return null;
  const ctx = { world, caller, rng, invalidShare: INVALID_SHARE };
  const maker = rng.weighted(MAKERS.map((m) => [m, m.weight(ctx) * (bias.get(m) ?? 1)] as const));
  return maker ? maker.make(ctx) : null;
}
