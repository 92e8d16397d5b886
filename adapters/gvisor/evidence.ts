import type { Interleaving, Observation, Sig, SignalName, Snapshot, Step, StepResult } from '../../interleaving';
import { StepRejected, withDefaults } from '../../interleaving';
import { createOracle } from '../../oracle';
import { SIG_CATCH, SIG_IGN } from '../../oracle/kernel/sigacts';
import { sigId } from '../../oracle/signals/signal-ids';
import { compareResults, type Divergence } from '../../runner/compare';
import type { Failure } from '../../runner/execute';

export type Disposition = 'SIG_DFL' | 'SIG_IGN' | 'catch';

/** The `linux` profile's state before one step: the process table and every signal disposition. */
export interface StateBefore {
  snapshot: Snapshot;
  /** A live process's disposition of a named signal, or null for an unknown pid or unnamed signal. */
  disposition(pid: number, sig: Sig): Disposition | null;
  /** The process whose extra thread has this id (a kill naming it reaches the process), or null. */
  threadOwner(tid: number): number | null;
}

/**
 * A failing run as the `linux` profile saw it, up to the failing step: what a known divergence is
 * recognised by (adapters/gvisor/signatures.ts).
 */
export interface Evidence {
  steps: readonly Step[];
  failure: Failure;
  /** `before[t]`: the profile's state before step t, for t up to the failing step. */
  before: StateBefore[];
  /** The profile's process table after the failing step. */
  after: Snapshot;
  /** The profile's result of each step up to the failing one. */
  expected: StepResult[];
  /** The target's results (the failing step's is missing when the target rejected it). */
  actual: readonly StepResult[];
  /** Where the failing step's results differ (empty unless the failure is a differential). */
  divergences: Divergence[];
}

function dispositions(oracle: ReturnType<typeof createOracle>): StateBefore['disposition'] {
  const actions = new Map<number, number[]>();
  for (const [pid, p] of oracle.state.procs) if (p.sigacts) actions.set(pid, p.sigacts.action.slice());
  return (pid, sig) => {
    if (typeof sig !== 'string') return null;
    const a = actions.get(pid)?.[sigId(sig as SignalName)];
    if (a === undefined) return null;
    return a === SIG_IGN ? 'SIG_IGN' : a === SIG_CATCH ? 'catch' : 'SIG_DFL';
  };
}

/** Replay the run up to its failing step on the `linux` profile and gather the evidence. */
export function evidenceOf(il: Interleaving, failure: Failure, actual: readonly StepResult[]): Evidence | null {
  if (failure.step < 0 || failure.step >= il.steps.length) return null;
  const oracle = createOracle({ trace: false });
  oracle.reset(withDefaults({ ...il.config, profile: 'linux' }));
  const steps = il.steps.slice(0, failure.step + 1);
  const before: StateBefore[] = [];
  const expected: StepResult[] = [];
  for (const step of steps) {
    const tids = new Map([...oracle.state.tids].map(([tid, p]) => [tid, p.pid]));
    before.push({ snapshot: oracle.snapshot(), disposition: dispositions(oracle), threadOwner: (tid) => tids.get(tid) ?? null });
    try {
      expected.push(oracle.apply(step));
    } catch (e) {
      if (e instanceof StepRejected) return null;
      throw e;
    }
  }
  const after = oracle.snapshot();
  const mine = actual[failure.step];
  const divergences = failure.property === 'differential' && mine
    ? compareResults(failure.step, expected[failure.step], mine, { expectedProfile: 'linux', actualProfile: 'linux' })
    : [];
  return { steps, failure, before, after, expected, actual, divergences };
}

/** The failing step's own observation on the target (its caller's), if it ran. */
export function actualOwn(e: Evidence): Observation | undefined {
  return e.actual[e.failure.step]?.observations[0];
}
