import { THEMES } from './catalogue';
import type { Rng } from './rng';

/** Weight multipliers for one run, one per maker in `MAKERS` order: one theme favoured, so runs differ in character. */
export type Bias = readonly number[];

export function pickBias(rng: Rng): Bias {
  const themes = Object.keys(THEMES);
  const favoured = rng.chance(0.7) ? rng.pick(themes) : null;
  const bias: number[] = [];
  for (const t of themes) for (let i = 0; i < THEMES[t].length; i++) bias.push(t === favoured ? 3 : 1);
  return bias;
}
