import type { Config, Implementation, Interleaving, Snapshot, StepResult } from '../interleaving';
import { isPromise, StepRejected, withDefaults } from '../interleaving';
import type { CheckContext, CheckMode, Invariant, InvariantRun } from './check';
import type { CompareOptions } from './compare';
import { compareResults } from './compare';
import { DEFAULT_CHECK_MODE } from './check-mode';
import { involves, reportsAWait } from './involvement';
import { StepHistory } from './step-history';

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
  const checks = new Checks(invariants, config, counts, mode);
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
  return outcome;
}

/** What a check needs, as flags read once per run instead of once per step. */
interface Needs {
  snapshot: boolean;
  trace: boolean;
  md: boolean;
}

/** The invariants of one run: their per-run state, needs and tallies (made at each one's first step). */
class Checks {
  private readonly runs: InvariantRun[];
  private readonly needs: Needs[];
  private readonly tallies: (StepCounts | undefined)[];
  /** Incrementally, the invariants that declare the only steps they can fail on. */
  private readonly selective: boolean[];

  constructor(
    private readonly invariants: readonly Invariant[],
    config: Config,
    private readonly counts: Record<string, StepCounts> | undefined,
    mode: CheckMode,
  ) {
    this.runs = invariants.map((inv) => inv.start(config));
    this.needs = invariants.map((inv) => ({ snapshot: inv.needs.includes('snapshot'), trace: inv.needs.includes('trace'), md: inv.needs.includes('md') }));
    this.tallies = invariants.map(() => undefined);
    this.selective = invariants.map((inv) => mode === 'incremental' && inv.involves !== undefined);
  }

  /** Runs every invariant on one step; true when the run must stop. */
  step(ctx: CheckContext, fail: (f: Failure) => boolean): boolean {
    const snapshots = ctx.after !== null && ctx.before !== null;
    const trace = ctx.result.trace !== undefined;
    const md = ctx.result.md !== undefined;
    let reported: boolean | undefined;
    for (let i = 0; i < this.invariants.length; i++) {
      const c = (this.tallies[i] ??= tally(this.counts, this.invariants[i].name));
      const n = this.needs[i];
      if ((n.snapshot && !snapshots) || (n.trace && !trace) || (n.md && !md)) {
        c.skipped++;
        continue;
      }
      c.checked++;
      // A step the invariant cannot fail on: it holds there by what it states (counted as checked).
      if (this.selective[i] && !involves(this.invariants[i].involves!, ctx.step, (reported ??= reportsAWait(ctx.result)))) continue;
      const message = this.runs[i].check(ctx);
      if (message !== null) {
        c.failed++;
        if (fail({ property: this.invariants[i].name, step: ctx.index, message })) return true;
      }
    }
    return false;
  }

  /** The end-of-run checks, after the last step. */
  finish(last: CheckContext | null, fail: (f: Failure) => boolean): void {
    this.invariants.forEach((inv, i) => {
      const message = this.runs[i].finish?.(last) ?? null;
      if (message !== null) {
        (this.tallies[i] ??= tally(this.counts, inv.name)).failed++;
        fail({ property: inv.name, step: last?.index ?? -1, message });
      }
    });
  }
}

/** The tally of `name` in `counts`, or one of this run's own when the caller keeps none (a record of two dozen names costs its every lookup). */
function tally(counts: Record<string, StepCounts> | undefined, name: string): StepCounts {
  if (counts === undefined) return { checked: 0, failed: 0, skipped: 0 };
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
