import type { Fixture, StepExpectation } from '../../interleaving';
import { FIXTURE_FORMAT, FIXTURE_VERSION, isPromise, StepRejected, withDefaults } from '../../interleaving';
import { createOracle } from '../../oracle';
import type { StepOutcome } from '../../properties/divergences/outcome';
import type { GvisorDivergence } from './known-divergences';

/**
 * A divergence's interleaving on the oracle's `linux` profile, synchronously (the oracle never
 * awaits), so the generated docs can show it without a sandbox.
 */
export function linuxOutcomes(d: GvisorDivergence, profile: 'linux' | 'freebsd-r176365' = 'linux'): StepOutcome[] {
  const oracle = createOracle();
  oracle.reset(withDefaults({ ...d.config, profile }));
  const out: StepOutcome[] = [];
  for (const step of d.steps) {
    try {
      const r = oracle.apply(step);
      if (isPromise(r)) throw new Error('the oracle answered asynchronously');
      out.push({ result: r });
    } catch (e) {
      if (!(e instanceof StepRejected)) throw e;
      out.push({ rejected: e.message });
      break;
    }
  }
  return out;
}

/** Linux's outcome of one step as an expectation. CPU time is left to the replay's differential, which allows a real kernel's rounding. */
function expectationOf(o: StepOutcome): StepExpectation | null {
  if ('rejected' in o) return null;
  const [own, ...woken] = o.result.observations;
  const e: StepExpectation = { sleeps: own.kind === 'sleep' };
  if (own.kind === 'return') {
    if (own.ret !== undefined) e.ret = own.ret;
    e.errno = own.errno ?? null;
    if (typeof own.status === 'number') e.status = { raw: own.status };
    if (own.sigs !== undefined) e.sigs = own.sigs;
  }
  e.wakes = woken.map((w) => ({ pid: w.pid, call: w.call, kind: w.kind }));
  if (o.result.panic !== undefined) e.panic = o.result.panic;
  return e;
}

/**
 * The fixture of a known gVisor divergence: its interleaving with Linux's outcome of every step as
 * the expectation, so `reapcheck replay` passes on the host and fails on gVisor at step `at`.
 */
export function gvisorDivergenceFixture(d: GvisorDivergence): Fixture {
  return {
    format: FIXTURE_FORMAT,
    version: FIXTURE_VERSION,
    name: d.name,
    kind: 'failure',
    description: `gVisor differs from Linux (found on runsc 0.0~20221219): ${d.behaviour}. At step ${d.at} gVisor gave: ${d.gvisor}.`,
    source: { semantics: 'docs/gvisor.md, docs/divergences.md (gVisor)' },
    profiles: ['linux'],
    config: { ...d.config, profile: 'linux' },
    steps: d.steps,
    expect: linuxOutcomes(d).map(expectationOf),
    found: { property: 'differential', step: d.at, target: 'gvisor' },
  };
}
