import type { Config, Implementation, Step, StepResult } from '../../interleaving';
import { createOracle, type Oracle } from '../../oracle';
import type { Bias } from '../../properties/generators/bias';
import { SnapshotWorld, type World } from '../../properties/generators/world';

/** The fc.modelRun model: the oracle as the user's model, and what the run has done so far. */
export interface BaselineModel {
  oracle: Oracle;
  world: World;
  config: Config;
  bias: Bias;
  /** Steps applied (accepted by the model) so far. */
  steps: Step[];
}

/** The fc.modelRun real system: the implementation under test. */
export interface BaselineReal {
  target: Implementation;
  results: StepResult[];
}

/** A fresh model on a fresh oracle, reset to `config`. */
export function freshModel(config: Config, bias: Bias): BaselineModel {
  const oracle = createOracle();
  oracle.reset(config);
  return { oracle, world: new SnapshotWorld(oracle.snapshot()), config, bias, steps: [] };
}
