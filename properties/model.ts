import type { Implementation } from '../interleaving';
import { createOracle } from '../oracle';

/** A fresh in-process oracle: the model that guides generation and the default target. */
export function createModel(): Implementation {
  return createOracle();
}
