import type { Interleaving, StepResult } from '../../interleaving';
import type { Failure } from '../../runner/execute';
import type { KnownDivergence, KnownDivergences } from '../../runner/known-divergences';
import { evidenceOf } from './evidence';
import { GVISOR_DIVERGENCES } from './known-divergences';
import { looksLikeStateDrift, SIGNATURES, type Signature } from './signatures';

/** G1, G2, ...: the ids docs/gvisor.md and docs/divergences.md use, in list order. */
export const GVISOR_KNOWN: readonly KnownDivergence[] = GVISOR_DIVERGENCES.map((d, i) => ({
  id: `G${i + 1}`,
  name: d.name,
  fixture: `fixtures/gvisor/${d.name}.json`,
  behaviour: d.behaviour,
}));

function signatureOf(name: string): Signature {
  const s = SIGNATURES[name];
  if (!s) throw new Error(`known gVisor divergence ${name} has no signature in adapters/gvisor/signatures.ts`);
  return s;
}

/**
 * Which known divergence explains a failing gVisor run: scanning the steps up to the failure on
 * the `linux` profile, the first step that sets off a lasting divergence explains it if the
 * failure looks like drifted process state; otherwise an at-once divergence set off by the
 * failing step itself must show there. Only a differential or a
 * rejected step can be known; an invariant failure or a broken harness never is.
 */
export function classifyGvisorFailure(il: Interleaving, failure: Failure, actual: readonly StepResult[]): KnownDivergence | null {
  if (failure.property !== 'differential' && failure.property !== 'rejected') return null;
  const e = evidenceOf(il, failure, actual);
  if (e === null) return null;
  const signatures = GVISOR_KNOWN.map((k) => signatureOf(k.name));
  for (let t = 0; t <= failure.step; t++) {
    for (let i = 0; i < signatures.length; i++) {
      const s = signatures[i];
      if (!s.trigger(e.steps[t], e.before[t], e, t)) continue;
      if (s.reach === 'lasting' ? (s.drift ?? looksLikeStateDrift)(e, t) : t === failure.step && s.shows(e)) return GVISOR_KNOWN[i];
    }
  }
  return null;
}

/** gVisor's known divergences, for `reapcheck run --impl gvisor`. */
export const gvisorKnownDivergences: KnownDivergences = { entries: GVISOR_KNOWN, classify: classifyGvisorFailure };
