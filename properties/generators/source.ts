import type { ProfileName } from '../../interleaving';
import { createOracle } from '../../oracle';
import { runSeed } from '../seeds';
import { generateRecorded, type Generated } from './generate';

/**
 * The runs of a seed generated on one oracle model kept for the whole run, each with the model's
 * results: what a campaign's `generate` takes, so a reference that is the oracle with the same
 * profile need not compute them again. The model reports no trace events (a differential does
 * not compare them, and they cost a sixth of generation). For a profile the oracle runs directly
 * (not linux, whose generation also changes the configuration afterwards).
 */
export function recordedSource(seed: number, maxSteps: number, profile: ProfileName = 'freebsd-r176365'): (run: number) => Generated {
  const model = createOracle({ trace: false });
  return (run) => generateRecorded(runSeed(seed, run), { model, maxSteps, profile });
}
