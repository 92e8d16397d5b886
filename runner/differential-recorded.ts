import type { Config, Implementation, Interleaving } from '../interleaving';
import { withDefaults } from '../interleaving';
import type { Generated } from '../properties/generators/generate';

/** What a campaign's source hands over for one run: an interleaving, or one generated with the model's results. */
export type RunSource = Interleaving | Generated;

function sameConfig(a: Config, b: Config): boolean {
  return a.profile === b.profile && a.pidMax === b.pidMax && a.pidFloor === b.pidFloor && a.maxproc === b.maxproc && a.nprocLimit === b.nprocLimit;
}

/**
 * The reference's answers read back from a recording instead of computed again: the generator's
 * model is the reference (the same implementation, configuration and profile), so its results
 * are what the reference would answer. Only the recorded steps, in order, are answered.
 */
function recordedReference(name: string, g: Generated): Implementation {
  let next = 0;
  return {
    name,
    reset: () => {
      next = 0;
    },
    apply: (step) => {
      if (next >= g.results.length || step !== g.interleaving.steps[next]) {
        throw new Error(`no recorded result for step ${next} (${step.call} by pid ${step.pid}): the recording is of another interleaving`);
      }
      return g.results[next++];
    },
  };
}

/**
 * One run's interleaving and the reference to compare it with: the recorded results when the run
 * was generated on the reference's model with the configuration it runs with, otherwise (a plain
 * interleaving, or a configuration changed after generation) the reference itself.
 */
export function referenceFor(source: RunSource, reference: Implementation | undefined): { interleaving: Interleaving; reference: Implementation | undefined } {
  if (!('results' in source)) return { interleaving: source, reference };
  const { interleaving } = source;
  if (!reference || !sameConfig(withDefaults(interleaving.config), source.config)) return { interleaving, reference };
  return { interleaving, reference: recordedReference(reference.name, source) };
}
