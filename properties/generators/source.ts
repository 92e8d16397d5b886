import type { ProfileName } from '../../interleaving';
import { createModel } from '../model';
import { runSeed } from '../seeds';
import { generateRecorded, type Generated } from './generate';

/**
 * The runs of a seed generated on one oracle model kept for the whole run, each with the model's
 * results: what a campaign's `generate` takes, so a reference that is the oracle with the same
 * profile need not compute them again. For a profile the oracle runs directly (not linux, whose
 * generation also changes the configuration afterwards).
 */
export function recordedSource(seed: number, maxSteps: number, profile: ProfileName = 'freebsd-r176365'): (run: number) => Generated {
  const model = createModel();
  return (run) => generateRecorded(runSeed(seed, run), { model, maxSteps, profile });
}
