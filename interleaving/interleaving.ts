import type { Config } from './config';
import type { Step } from './step';

/**
 * The central data type: a config plus a list of steps. Generators produce it, fixtures store it,
 * the line protocol carries it step by step, the shrinker works on it.
 */
export interface Interleaving {
  config: Partial<Config>;
  steps: Step[];
}
