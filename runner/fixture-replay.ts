import type { Fixture, Implementation, StepResult } from '../interleaving';
import { StepRejected, withDefaults } from '../interleaving';
import { checkExpectation, needsSnapshot } from './expectations';

/** The outcome of replaying one fixture on one implementation. */
export interface FixtureReplay {
  /** Mismatches against the fixture's expectations, and steps that could not run; empty: it passes. */
  mismatches: string[];
  /** How many steps were applied. */
  stepsRun: number;
  /** Every step's result, in order (for printing). */
  results: StepResult[];
}

/**
 * Replays a fixture's steps on `impl` from a fresh reset with the fixture's config, checking each
 * stated expectation after its step (with a snapshot when one is stated). A rejected step, an
 * implementation failure, or a panic before the last step ends the replay and is reported.
 */
export async function replayFixture(impl: Implementation, fixture: Fixture): Promise<FixtureReplay> {
  const config = withDefaults(fixture.config);
  await impl.reset(config);
  const out: FixtureReplay = { mismatches: [], stepsRun: 0, results: [] };
  for (const [i, step] of fixture.steps.entries()) {
    let result: StepResult;
    try {
      result = await impl.apply(step);
    } catch (err) {
      const why = err instanceof StepRejected ? `rejected: ${err.message}` : `failed: ${err instanceof Error ? err.message : String(err)}`;
      out.mismatches.push(`step ${i} (${step.call} by ${step.pid}): ${why}`);
      return out;
    }
    out.stepsRun++;
    out.results.push(result);
    const e = fixture.expect?.[i];
    if (e) {
      const snapshot = needsSnapshot(e) && impl.snapshot ? await impl.snapshot() : null;
      out.mismatches.push(...checkExpectation(i, step, e, result, snapshot, config.profile));
    }
    if (result.panic !== undefined && i < fixture.steps.length - 1) {
      out.mismatches.push(`step ${i} (${step.call} by ${step.pid}): the kernel panicked (${JSON.stringify(result.panic)}); ${fixture.steps.length - 1 - i} later step(s) not run`);
      return out;
    }
  }
  return out;
}
