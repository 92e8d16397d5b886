import type { Implementation } from '../interleaving';
import { ConfigUnsupported } from '../interleaving';

/** A target whose refusals of a configuration are noted, so the campaign can skip those runs. */
export interface NotingTarget {
  target: Implementation;
  /** The reason the last reset was refused, once; null if it was not. */
  takeRefusal(): string | null;
}

/** Wrap a target so that a `ConfigUnsupported` at reset is noted (and still thrown). */
export function notingRefusals(target: Implementation): NotingTarget {
  let refusal: string | null = null;
  const note = (e: unknown): never => {
    if (e instanceof ConfigUnsupported) refusal = e.reason;
    throw e;
  };
  const reset = (config: Parameters<Implementation['reset']>[0]) => {
    refusal = null;
    try {
      const r = target.reset(config);
      return r instanceof Promise ? r.catch(note) : r;
    } catch (e) {
      return note(e);
    }
  };
  const wrapped: Implementation = { name: target.name, reset, apply: (s) => target.apply(s) };
  if (target.snapshot) wrapped.snapshot = () => target.snapshot!();
  if (target.close) wrapped.close = () => target.close!();
  return {
    target: wrapped,
    takeRefusal: () => {
      const r = refusal;
      refusal = null;
      return r;
    },
  };
}
