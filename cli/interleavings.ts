import type { Implementation, Interleaving, ProfileName } from '../interleaving';
import { createdPidsOn } from '../properties/created-pids';
import { createLinuxModel, cutAtRaces, linuxInterleavingSource } from '../properties/divergences/linux-interleavings';
import { recordedSource } from '../properties/generators/source';
import { createModel } from '../properties/model';
import type { RunSource } from '../runner/differential-recorded';

/**
 * Generates the interleavings of a run, guided by one model kept for the whole run: the seed's
 * model for freebsd-r176365 (with its results), the linux profile (with configs Linux takes) for linux.
 */
export function interleavingSource(seed: number, maxSteps: number, profile: ProfileName): (run: number) => RunSource {
  if (profile === 'linux') return linuxInterleavingSource(seed, maxSteps);
  // With the model's results: the campaign's reference need not compute them again (runner/differential-recorded.ts).
  return recordedSource(seed, maxSteps, profile);
}

/** The pid each step of an interleaving created, read off a fresh model of the profile (for the shrinker's renumbering). */
export function createdPidsFor(profile: ProfileName): (il: Interleaving) => (number | null)[] {
  const model = (): Implementation => (profile === 'linux' ? createLinuxModel() : createModel());
  return (il) => createdPidsOn(model(), il);
}

/**
 * For the linux profile, how many leading steps come before the first race a real kernel cannot
 * order (cutAtRaces), which generation already cuts off: so a shrunk candidate that fails only
 * after such a race is not taken. Undefined (every step counts) for other profiles.
 */
export function orderableFor(profile: ProfileName): ((il: Interleaving) => number) | undefined {
  return profile === 'linux' ? (il) => cutAtRaces(il).steps.length : undefined;
}

/** The pid each step of `il` created on the seed's model. */
export const createdPids = createdPidsFor('freebsd-r176365');
