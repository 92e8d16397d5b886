import type { Config, Implementation, Interleaving, Snapshot, StepResult } from '../interleaving';
import { StepRejected, withDefaults } from '../interleaving';
// Not from the index: its re-exports are getters, a call per use, and this runs three times a step.
import { isPromise } from '../interleaving/implementation';
import type { CheckContext, CheckMode, Invariant } from './check';
import type { CompareOptions } from './compare';
import { compareResults } from './compare';
import { DEFAULT_CHECK_MODE } from './check-mode';
import { RunChecks, type Failure, type StepCounts } from './run-checks';
import { StepHistory } from './step-history';

export type { Failure, StepCounts } from './run-checks';

export interface ExecuteOptions {
  /** Checked after every step. */
  invariants?: readonly Invariant[];
  /** How the invariants judge the table (default DEFAULT_CHECK_MODE; both give the same verdicts). */
  checkMode?: CheckMode;
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

/**
 * The run itself, written once for both drivers. Implementation calls are made directly; only an
 * answer that is a promise is yielded, for the driver to settle and send back (execute awaits it,
 * executeSync refuses it). A synchronous target therefore runs the whole loop in one resumption.
 */
function* run(impl: Implementation, il: Interleaving, o: ExecuteOptions): Generator<Promise<unknown>, ExecuteOutcome, unknown> {
  const config: Config = withDefaults(il.config);
  const ref = o.reference;
  const stopEarly = o.stopAtFirstFailure ?? true;
  const invariants = o.invariants ?? [];
  const counts = o.counts;
  const wantsSnapshots = o.observe !== undefined || invariants.some((inv) => inv.needs.includes('snapshot'));
  const results: StepResult[] = [];
  const outcome: ExecuteOutcome = { executed: 0, failure: null, rejectedAt: null, results };
  const fail = (f: Failure): boolean => {
    outcome.failure ??= f;
    return stopEarly;
  };

  try {
    const r = impl.reset(config);
    if (isPromise(r)) yield r;
    const rr = ref?.reset(config);
    if (isPromise(rr)) yield rr;
  } catch (e) {
    fail({ property: 'implementation', step: -1, message: `reset failed: ${describe(e)}` });
    return outcome;
  }
  const mode = o.checkMode ?? DEFAULT_CHECK_MODE;
  const checks = new RunChecks(invariants, config, mode);
  const history = new StepHistory();
  const snap = wantsSnapshots && impl.snapshot ? () => impl.snapshot!() : null;

  let before: Snapshot | null = null;
  try {
    const s = snap?.() ?? null;
    before = isPromise(s) ? ((yield s) as Snapshot) : s;
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
        const e = ref.apply(step);
        expected = isPromise(e) ? ((yield e) as StepResult) : e;
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
      const r = impl.apply(step);
      result = isPromise(r) ? ((yield r) as StepResult) : r;
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
      const s = snap?.() ?? null;
      after = isPromise(s) ? ((yield s) as Snapshot) : s;
    } catch (e) {
      fail({ property: 'implementation', step: index, message: `snapshot failed: ${describe(e)}` });
      break;
    }
    const ctx: CheckContext = { config, index, step, result, before, after, mode, history };
    history.record(ctx);
    o.observe?.(ctx);
    if (checks.step(ctx, fail)) break;
    before = after;
    last = ctx;
    if (result.panic !== undefined) break;
  }

  if (outcome.failure === null || !stopEarly) checks.finish(last, fail);
  if (counts) checks.tallyInto(counts);
  return outcome;
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
      next = gen.next(await next.value);
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
    void next.value.catch(() => undefined);
    next = gen.throw(new Error(`${impl.name} answered asynchronously; use execute() for it`));
  }
  return next.value;
}
