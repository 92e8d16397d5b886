import type { Interleaving } from '../interleaving';
import { generateInterleaving } from '../properties/generators/generate';
import { createModel } from '../properties/model';
import { runSeed } from '../properties/seeds';

/** The step length every figure uses: the CLI's default `--max-steps`. */
export const MAX_STEPS = 60;

/** `count` interleavings generated as `reapcheck run --seed SEED` would (the same seeds, the same model). */
export function corpus(seed: number, count: number, maxSteps = MAX_STEPS): Interleaving[] {
  const model = createModel();
  return Array.from({ length: count }, (_, run) => generateInterleaving(runSeed(seed, run), { model, maxSteps }));
}

/** Total steps of a list of interleavings. */
export function stepCount(ils: readonly Interleaving[]): number {
  return ils.reduce((n, il) => n + il.steps.length, 0);
}
