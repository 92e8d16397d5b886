import { THEMES } from './catalogue';
import type { Rng } from './rng';

/** Weight multipliers for one run, one per maker in `MAKERS` order: one theme favoured, so runs differ in character. */
export type Bias = readonly number[];

export function pickBias(rng: Rng): Bias {
  const themes = Object.keys(THEMES);
  const favoured = rng.chance(0.7) ? rng.pick(themes) : null;
  return themes.flatMap((t) => THEMES[t].map(() => (t === favoured ? 3 : 1)));
}
