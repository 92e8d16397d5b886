import type { Config } from '../interleaving';
import { guessCreatedPids, renumberTemporally } from './shrink-pids';
import type { ShrinkPass } from './shrink-state';

/**
 * Drops config settings (a small pidMax forces pid reuse, which pins many steps in place): each key
 * removed in turn, the steps renumbered for the default allocator, or kept as they are.
 */
export const simplifyConfig: ShrinkPass = async (s) => {
  let changed = false;
  const drops: (keyof Config)[][] = [['pidMax', 'pidFloor'], ...(Object.keys(s.config) as (keyof Config)[]).filter((k) => k !== 'profile').map((k) => [k])];
  for (const keys of drops) {
    if (!keys.some((k) => k in s.config)) continue;
    const simpler = { ...s.config };
    for (const k of keys) delete simpler[k];
    const renumbered = renumberTemporally(s.steps, await s.createdPids(), guessCreatedPids({ config: simpler, steps: [...s.steps] }));
    if (renumbered !== null && (await s.attempt(renumbered, simpler))) changed = true;
    else if (await s.attempt(s.steps, simpler)) changed = true;
  }
  return changed;
};
