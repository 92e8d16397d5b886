import type { CheckContext, Invariant } from '../../../runner/check';

/** An invariant with no memory across steps: a pure check of one step's context. */
export function stepInvariant(
  meta: Omit<Invariant, 'start'>,
  check: (ctx: CheckContext) => string | null,
): Invariant {
  return { ...meta, start: () => ({ check }) };
}
