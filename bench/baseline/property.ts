import * as fc from 'fast-check';
import { withDefaults, type Implementation, type ProfileName, type Step } from '../../interleaving';
import { pickBias } from '../../properties/generators/bias';
import { pickConfig } from '../../properties/generators/config';
import { secondsSince } from '../stats';
import { diceArbitrary, tapeRng } from './dice';
import { freshModel } from './model';
import { Mismatch, StepCommand } from './step-command';

/** Choices for a run's configuration and theme bias (generate.ts draws both before the first step). */
const RUN_DICE = 8;

export interface BaselineOptions {
  /** The implementation under test, reset before every run (kept alive, as ours is). */
  target: Implementation;
  seed: number;
  numRuns: number;
  /** Longest command list (our generator's `maxSteps`). */
  maxCommands: number;
  profile?: ProfileName;
  /** Called with every step the model accepted (for the step mix). */
  onStep?: (step: Step) => void;
}

export interface BaselineOutcome {
  /** Property executions in all: generated runs plus shrink attempts. */
  executions: number;
  /** Steps applied in all executions. */
  steps: number;
  failed: boolean;
  /** Seconds from the start to the end of the first failing execution (null if none failed). */
  firstFailureSeconds: number | null;
  /** Generated runs up to and including the first failure. */
  runsToFailure: number | null;
  /** Executions after the first failure: fast-check's shrinking replays. */
  shrinkReplays: number;
  /** Steps the shrunk counterexample applies up to the mismatch. */
  finalLength: number | null;
  seconds: number;
}

/**
 * The idiomatic baseline: `fc.commands` (size `max`) of one step command, run with `fc.modelRun`
 * against the oracle as model, checked with `fc.check`, shrunk by fast-check itself. The step mix is
 * the catalogue's (the generator's `nextStep`, configurations and biases); the longest run is ours,
 * but fast-check draws up to `maxCommands` commands evenly and a rejected step is not replaced, so
 * runs are shorter on average (the figure compares at the same length).
 */
export function runBaseline(o: BaselineOptions): BaselineOutcome {
  const profile = o.profile ?? 'freebsd-r176365';
  let steps = 0;
  let executions = 0;
  let firstFailureAt: number | null = null;
  let firstFailureSeconds: number | null = null;
  let lastFailure: Mismatch | null = null;
  const countStep = (step: Step) => {
    steps++;
    o.onStep?.(step);
  };
  const command = diceArbitrary().map((d) => new StepCommand(d, profile, countStep));
  const start = process.hrtime.bigint();

  const property = fc.property(diceArbitrary(RUN_DICE), fc.commands([command], { size: 'max', maxCommands: o.maxCommands }), (runDice, cmds) => {
    executions++;
    const rng = tapeRng(runDice);
    const config = withDefaults(pickConfig(rng, profile));
    const bias = pickBias(rng);
    o.target.reset(config);
    try {
      fc.modelRun(() => ({ model: freshModel(config, bias), real: { target: o.target, results: [] } }), cmds);
    } catch (e) {
      if (e instanceof Mismatch) {
        lastFailure = e;
        if (firstFailureAt === null) firstFailureAt = executions;
        firstFailureSeconds ??= secondsSince(start);
      }
      throw e;
    }
  });
  const details = fc.check(property, { seed: o.seed, numRuns: o.numRuns });
  const failure = lastFailure as Mismatch | null;
  return {
    executions,
    steps,
    failed: details.failed,
    firstFailureSeconds,
    runsToFailure: firstFailureAt,
    shrinkReplays: firstFailureAt === null ? 0 : executions - firstFailureAt,
    finalLength: details.failed && failure ? failure.stepIndex + 1 : null,
    seconds: secondsSince(start),
  };
}
