import { THEMES } from './catalogue';
import type { Rng } from './rng';

/** Weight multipliers for one run, one per maker in `MAKERS` order: one theme favoured, so runs differ in character. */
export type Bias = readonly number[];

const THEME_NAMES = Object.keys(THEMES);

/** The bias favouring one theme (or none), in `MAKERS` order. */
function biasFavouring(favoured: string | null): Bias {
  const bias: number[] = [];
  for (const t of THEME_NAMES) for (let i = 0; i < THEMES[t].length; i++) bias.push(t === favoured ? 3 : 1);
  return bias;
}

/** Every bias a run can draw, made once (a run draws one per interleaving): none favoured, then by theme. */
const NO_FAVOURITE = biasFavouring(null);
const FAVOURING = new Map(THEME_NAMES.map((t) => [t, biasFavouring(t)]));

export function pickBias(rng: Rng): Bias {
  const favoured = rng.chance(0.7) ? rng.pick(THEME_NAMES) : null;
  return favoured === null ? NO_FAVOURITE : FAVOURING.get(favoured)!;
}
