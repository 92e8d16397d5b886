import type { Config, Implementation, Interleaving, Snapshot, StepResult } from '../interleaving';
import { isPromise, StepRejected, withDefaults } from '../interleaving';
import type { CheckContext, Invariant, InvariantRun } from './check';
import type { CompareOptions } from './compare';
import { compareResults } from './compare';

/** Per-property tallies: how many steps a property was checked on, failed on, or skipped for. */
export interface StepCounts {
  checked: number;
  failed: number;
  skipped: number;
}

/**
 * Why a run failed. `property` is an invariant name, or `differential` (the result differs from the
 * reference), `implementation` (the target crashed, hung or broke the protocol) or `rejected` (the
 * target rejected a step the reference took, or the other way round).
 */
export interface Failure {
  property: string;
  step: number;
  message: string;
}

export interface ExecuteOptions {
  /** Checked after every step. */
  invariants?: readonly Invariant[];
  /** Differential mode: every step is applied to the reference too and the results compared. */
  reference?: Implementation;
  /** Profiles and tolerance for the differential (default: both the run's profile, no tolerance). */
  compare?: Partial<CompareOptions>;
  /** Default true. When false the run goes on and `failure` is the first one. */
  stopAtFirstFailure?: boolean;
  /** Accumulated per property across runs when given. */
  counts?: Record<string, StepCounts>;
  /** Called with every step's context before the checks (coverage probes, progress). */
  observe?: (ctx: CheckContext) => void;
}

export interface ExecuteOutcome {
  /** Steps applied (including a step that ended in a panic). */
  executed: number;
  failure: Failure | null;
  /** Index of the step the target (or the reference) rejected: the interleaving is invalid from there. */
  rejectedAt: number | null;
  results: StepResult[];
}

/** One call into an implementation, run by a driver that may or may not await it. */
type Call = () => unknown;

/** The run itself, written once: it yields each implementation call and receives its value. */
function* run(impl: Implementation, il: Interleaving, o: ExecuteOptions): Generator<Call, ExecuteOutcome, unknown> {
  const config: Config = withDefaults(il.config);
  const ref = o.reference;
  const stopEarly = o.stopAtFirstFailure ?? true;
  const invariants = o.invariants ?? [];
  const counts = o.counts ?? {};
  const wantsSnapshots = o.observe !== undefined || invariants.some((inv) => inv.needs.includes('snapshot'));
  const results: StepResult[] = [];
  const outcome: ExecuteOutcome = { executed: 0, failure: null, rejectedAt: null, results };
  const fail = (f: Failure): boolean => {
    outcome.failure ??= f;
    return stopEarly;
  };

  try {
    yield () => impl.reset(config);
    if (ref) yield () => ref.reset(config);
  } catch (e) {
    fail({ property: 'implementation', step: -1, message: `reset failed: ${describe(e)}` });
    return outcome;
  }
  const runs: InvariantRun[] = invariants.map((inv) => inv.start(config));
  const takeSnapshot = function* (): Generator<Call, Snapshot | null, unknown> {
    if (!wantsSnapshots || !impl.snapshot) return null;
    return (yield () => impl.snapshot!()) as Snapshot;
  };

  let before: Snapshot | null;
  try {
    before = yield* takeSnapshot();
  } catch (e) {
    fail({ property: 'implementation', step: -1, message: `snapshot failed: ${describe(e)}` });
    return outcome;
  }
  let last: CheckContext | null = null;

  for (let index = 0; index < il.steps.length; index++) {
    const step = il.steps[index];
    let expected: StepResult | null = null;
    if (ref) {
      try {
        expected = (yield () => ref.apply(step)) as StepResult;
      } catch (e) {
        if (e instanceof StepRejected) {
          outcome.rejectedAt = index;
          break;
        }
        fail({ property: 'implementation', step: index, message: `reference ${ref.name} failed on ${step.call} by pid ${step.pid}: ${describe(e)}` });
        break;
      }
    }
    let result: StepResult;
    try {
      result = (yield () => impl.apply(step)) as StepResult;
    } catch (e) {
      if (e instanceof StepRejected) {
        if (!ref) {
          outcome.rejectedAt = index;
          break;
        }
        fail({ property: 'rejected', step: index, message: `${impl.name} rejected a step ${ref.name} took: ${e.message}` });
        break;
      }
      fail({ property: 'implementation', step: index, message: `${step.call} by pid ${step.pid}: ${describe(e)}` });
      break;
    }
    results.push(result);
    outcome.executed = index + 1;

    if (expected) {
      const divergences = compareResults(index, expected, result, {
        expectedProfile: o.compare?.expectedProfile ?? config.profile,
        actualProfile: o.compare?.actualProfile ?? config.profile,
        rusageTolerance: o.compare?.rusageTolerance,
      });
      if (divergences.length > 0) {
        const d = divergences[0];
        const where = d.observation < 0 ? '' : ` observation ${d.observation}`;
        const message = `${step.call} by pid ${step.pid}:${where} ${d.field} expected ${show(d.expected)}, got ${show(d.actual)} (${d.rule})`;
        if (fail({ property: 'differential', step: index, message })) break;
      }
    }

    let after: Snapshot | null;
    try {
      after = yield* takeSnapshot();
    } catch (e) {
      fail({ property: 'implementation', step: index, message: `snapshot failed: ${describe(e)}` });
      break;
    }
    const ctx: CheckContext = { config, index, step, result, before, after };
    o.observe?.(ctx);
    if (checkAll(invariants, runs, ctx, counts, fail)) break;
    before = after;
    last = ctx;
    if (result.panic !== undefined) break;
  }

  if (outcome.failure === null || !stopEarly) {
    invariants.forEach((inv, i) => {
      const message = runs[i].finish?.(last) ?? null;
      if (message !== null) {
        tally(counts, inv.name).failed++;
        fail({ property: inv.name, step: last?.index ?? -1, message });
      }
    });
  }
  return outcome;
}

/** Runs every invariant on one step; true when the run must stop. */
function checkAll(
  invariants: readonly Invariant[],
  runs: InvariantRun[],
  ctx: CheckContext,
  counts: Record<string, StepCounts>,
  fail: (f: Failure) => boolean,
): boolean {
  let stop = false;
  for (let i = 0; i < invariants.length && !stop; i++) {
    const inv = invariants[i];
    const c = tally(counts, inv.name);
    if (!hasNeeds(inv, ctx)) {
      c.skipped++;
      continue;
    }
    c.checked++;
    const message = runs[i].check(ctx);
    if (message !== null) {
      c.failed++;
      stop = fail({ property: inv.name, step: ctx.index, message });
    }
  }
  return stop;
}

function hasNeeds(inv: Invariant, ctx: CheckContext): boolean {
  return inv.needs.every((n) =>
    n === 'snapshot' ? ctx.after !== null && ctx.before !== null : n === 'trace' ? ctx.result.trace !== undefined : ctx.result.md !== undefined,
  );
}

function tally(counts: Record<string, StepCounts>, name: string): StepCounts {
  return (counts[name] ??= { checked: 0, failed: 0, skipped: 0 });
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

/**
 * Runs an interleaving on an implementation (and a reference, if given), checking invariants after
 * every step. Stops at the first rejected step, at a panic, and by default at the first failure.
 */
export async function execute(impl: Implementation, il: Interleaving, o: ExecuteOptions = {}): Promise<ExecuteOutcome> {
  const gen = run(impl, il, o);
  let next = gen.next();
  while (!next.done) {
    try {
      const v = next.value();
      next = gen.next(isPromise(v) ? await v : v);
    } catch (e) {
      next = gen.throw(e);
    }
  }
  return next.value;
}

/** The same run without promises, for synchronous implementations such as the in-process oracle. */
export function executeSync(impl: Implementation, il: Interleaving, o: ExecuteOptions = {}): ExecuteOutcome {
  const gen = run(impl, il, o);
  let next = gen.next();
  while (!next.done) {
    try {
      const v = next.value();
      if (isPromise(v)) {
        void v.catch(() => undefined);
        throw new Error(`${impl.name} answered asynchronously; use execute() for it`);
      }
      next = gen.next(v);
    } catch (e) {
      next = gen.throw(e);
    }
  }
  return next.value;
}
