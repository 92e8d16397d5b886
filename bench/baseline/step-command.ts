import type * as fc from 'fast-check';
import { StepRejected, type ProfileName, type Step } from '../../interleaving';
import { DEFAULT_INVALID_SHARE, nextStep } from '../../properties/generators/generate';
import { SnapshotWorld } from '../../properties/generators/world';
import { compareResults } from '../../runner/compare';
import { tapeRng } from './dice';
import type { BaselineModel, BaselineReal } from './model';

/** Thrown by a command when the target's result differs from the model's. */
export class Mismatch extends Error {
  constructor(readonly stepIndex: number, message: string) {
    super(message);
    this.name = 'Mismatch';
  }
}

/**
 * The baseline's one command, as a fast-check user would write it for this system: its dice pick
 * a step for the model's current state; the step runs on the model (the oracle) and on the real
 * system, and the two results must agree.
 */
export class StepCommand implements fc.Command<BaselineModel, BaselineReal> {
  constructor(
    readonly dice: readonly number[],
    private readonly profile: ProfileName,
    private readonly onStep: (step: Step) => void,
  ) {}

  check(m: Readonly<BaselineModel>): boolean {
    return m.world.state.panic === null && m.world.awake.length > 0;
  }

  run(m: BaselineModel, r: BaselineReal): void {
    const step = nextStep(m.world, tapeRng(this.dice), m.bias, DEFAULT_INVALID_SHARE);
    if (step === null) return;
    let expected;
    try {
      expected = m.oracle.apply(step);
    } catch (e) {
      if (e instanceof StepRejected) return; // not valid in this state: the command does nothing
      throw e;
    }
    this.onStep(step);
    const index = m.steps.length;
    m.steps.push(step);
    m.world = new SnapshotWorld(m.oracle.snapshot());
    const actual = r.target.apply(step);
    if (actual instanceof Promise) throw new Error(`${r.target.name} answered asynchronously; the baseline drives synchronous targets`);
    r.results.push(actual);
    const d = compareResults(index, expected, actual, { expectedProfile: this.profile, actualProfile: this.profile });
    if (d.length > 0) throw new Mismatch(index, `step ${index} ${step.call} by ${step.pid}: ${d[0].field} expected ${JSON.stringify(d[0].expected)}, got ${JSON.stringify(d[0].actual)}`);
  }

  toString(): string {
    return `step(${this.dice.map((x) => x.toFixed(3)).join(',')})`;
  }
}
