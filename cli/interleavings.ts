import type { Implementation, Interleaving, ProfileName } from '../interleaving';
import { createdPidsOn } from '../properties/created-pids';
import { createLinuxModel, linuxInterleavingSource } from '../properties/divergences/linux-interleavings';
import { generateInterleaving } from '../properties/generators/generate';
import { createModel } from '../properties/model';
import { runSeed } from '../properties/seeds';

/**
 * Generates the interleavings of a run, guided by one model kept for the whole run: the seed's
 * model for freebsd-r176365, the linux profile (with configs Linux takes) for linux.
 */
export function interleavingSource(seed: number, maxSteps: number, profile: ProfileName): (run: number) => Interleaving {
  if (profile === 'linux') return linuxInterleavingSource(seed, maxSteps);
  const model = createModel();
  return (run) => {
    const il = generateInterleaving(runSeed(seed, run), { model, maxSteps });
    return { config: { ...il.config, profile }, steps: il.steps };
  };
}

/** The pid each step of an interleaving created, read off a fresh model of the profile (for the shrinker's renumbering). */
export function createdPidsFor(profile: ProfileName): (il: Interleaving) => (number | null)[] {
  const model = (): Implementation => (profile === 'linux' ? createLinuxModel() : createModel());
  return (il) => createdPidsOn(model(), il);
}

/** The pid each step of `il` created on the seed's model. */
export const createdPids = createdPidsFor('freebsd-r176365');
