import type { Observation, Step } from '../../../interleaving';
import { decodeStatus, UNSPECIFIED } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';
import { isWaitReport } from '../../../runner/involvement';
import type { StepHistory } from './history';
import { hasFlag, isStopped, isTraced, procsOf } from './procs';
import type { WaitArgs } from './selector';
import { waitArgs } from './selector';

/** What a successful wait reported about one child. */
export interface WaitReport {
  /** Index into the step's observations (0: the caller's own call; more: a completed sleeper). */
  position: number;
  obs: Observation;
  waiter: number;
  child: number;
  /** The call that issued the wait (for a sleeper, an earlier step). */
  issued: Step;
  args: WaitArgs;
  /** 'unknown' when no status was copied out and the state does not tell (a sleeper's report). */
  what: 'exit' | 'stop' | 'continue' | 'unknown';
  /** The status word, when it was copied out. */
  raw: number | null;
}

/** Shared by the steps that report nothing (most of them; never written to, and not frozen: frozen arrays iterate slowly). */
const NONE: readonly WaitReport[] = [];

function rawStatus(o: Observation): number | null {
  const v = o.call === 'owait' ? o.ret1 : o.status;
  return v === undefined || v === UNSPECIFIED ? null : v;
}

/** The last step's reports, shared by the invariants that read them (one context per step). */
let lastCtx: CheckContext | null = null;
let lastHistory: StepHistory | null = null;
let lastReports: readonly WaitReport[] = NONE;

/**
 * The wait reports of one step: every wait4/owait observation that returned a child's pid. The kind
 * comes from the status word (kern_exit.c:715, 807, 825), or where no status was copied out, from
 * the child's state (freed: an exit; the caller's own wait: the seed's branch order), else unknown.
 */
export function waitReports(ctx: CheckContext, history: StepHistory): readonly WaitReport[] {
  if (lastCtx !== ctx || lastHistory !== history) {
    lastReports = reportsOf(ctx, history);
    lastCtx = ctx;
    lastHistory = history;
  }
  return lastReports;
}

function reportsOf(ctx: CheckContext, history: StepHistory): readonly WaitReport[] {
  const observations = ctx.result.observations;
  let out: WaitReport[] | null = null;
  for (let position = 0; position < observations.length; position++) {
    const obs = observations[position];
    if (!isWaitReport(obs)) continue;
    const issued = position === 0 ? ctx.step : history.issuedBy(obs.step);
    const args = issued && waitArgs(issued, history.callerPgid(position === 0 ? ctx.index : obs.step));
    if (!issued || !args) continue;
    const raw = rawStatus(obs);
    (out ??= []).push({ position, obs, waiter: obs.pid, child: obs.ret, issued, args, what: classify(ctx, position, obs.ret, args, raw), raw });
  }
  return out ?? NONE;
}

function classify(ctx: CheckContext, position: number, child: number, args: WaitArgs, raw: number | null): WaitReport['what'] {
  if (raw !== null) {
    const kind = decodeStatus(raw, ctx.config.profile).kind;
    return kind === 'stopped' ? 'stop' : kind === 'continued' ? 'continue' : 'exit';
  }
  const was = ctx.before && procsOf(ctx.before).get(child);
  const now = ctx.after && procsOf(ctx.after).get(child);
  if (!now) return 'exit';
  // The caller's own wait saw the state before the step: the seed's order decides (kern_exit.c:707, 798, 817).
  if (position === 0 && was) {
    if (was.state === 'ZOMBIE') return 'exit';
    if (hasFlag(was, 'STOPPED_SIG') && !hasFlag(was, 'WAITED') && (isTraced(was) || args.options.includes('WUNTRACED'))) return 'stop';
    if (args.options.includes('WCONTINUED') && hasFlag(was, 'CONTINUED')) return 'continue';
  }
  // A sleeper's report happened mid-step; a report that set P_WAITED left the child stopped.
  if (isStopped(now) && hasFlag(now, 'WAITED')) return 'stop';
  return 'unknown';
}
