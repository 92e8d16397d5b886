import type { Interleaving, ProfileName } from '../interleaving';
import { createdPidsOn } from '../properties/created-pids';
import { generateInterleaving } from '../properties/generators/generate';
import { createModel } from '../properties/model';
import { runSeed } from '../properties/seeds';

/** Generates the interleavings of a run, guided by one model kept for the whole run. */
export function interleavingSource(seed: number, maxSteps: number, profile: ProfileName): (run: number) => Interleaving {
  const model = createModel();
  return (run) => {
    const il = generateInterleaving(runSeed(seed, run), { model, maxSteps });
    return { config: { ...il.config, profile }, steps: il.steps };
  };
}

/** The pid each step of `il` created, read off a fresh model (for the shrinker's renumbering). */
export function createdPids(il: Interleaving): (number | null)[] {
  return createdPidsOn(createModel(), il);
}
