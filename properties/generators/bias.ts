import type { Maker } from './calls/maker';
import { THEMES } from './catalogue';
import type { Rng } from './rng';

/** Weight multipliers per maker for one run: one theme favoured, so runs differ in character. */
export type Bias = ReadonlyMap<Maker, number>;

export function pickBias(rng: Rng): Bias {
  const themes = Object.keys(THEMES);
  const favoured = rng.chance(0.7) ? rng.pick(themes) : null;
  const bias = new Map<Maker, number>();
  for (const t of themes) for (const m of THEMES[t]) bias.set(m, t === favoured ? 3 : 1);
  return bias;
}
