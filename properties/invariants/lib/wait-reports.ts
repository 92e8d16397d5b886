import type { Observation, Step } from '../../../interleaving';
import { decodeStatus, UNSPECIFIED } from '../../../interleaving';
import type { CheckContext } from '../../../runner/check';
import type { StepHistory } from './history';
import { procsByPid, isStopped } from './procs';
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
  what: 'exit' | 'stop' | 'continue';
  /** The status word, when it was copied out. */
  raw: number | null;
}

function rawStatus(o: Observation): number | null {
  const v = o.call === 'owait' ? o.ret1 : o.status;
  return v === undefined || v === UNSPECIFIED ? null : v;
}

/**
 * The wait reports of one step: every wait4/owait observation that returned a child's pid. The kind
 * comes from the status word (kern_exit.c:715, 807, 825), or where no status was copied out, from
 * the child's state after the step.
 */
export function waitReports(ctx: CheckContext, history: StepHistory): WaitReport[] {
  const out: WaitReport[] = [];
  ctx.result.observations.forEach((obs, position) => {
    if ((obs.call !== 'wait4' && obs.call !== 'owait') || obs.kind !== 'return' || obs.errno || !obs.ret || obs.ret <= 0) return;
    const issued = position === 0 ? ctx.step : history.issuedBy(obs.step);
    const args = issued && waitArgs(issued, history.callerPgid(position === 0 ? ctx.index : obs.step));
    if (!issued || !args) return;
    const raw = rawStatus(obs);
    out.push({ position, obs, waiter: obs.pid, child: obs.ret, issued, args, what: classify(ctx, obs.ret, raw), raw });
  });
  return out;
}

function classify(ctx: CheckContext, child: number, raw: number | null): WaitReport['what'] {
  if (raw !== null) {
    const kind = decodeStatus(raw, ctx.config.profile).kind;
    return kind === 'stopped' ? 'stop' : kind === 'continued' ? 'continue' : 'exit';
  }
  const p = ctx.after && procsByPid(ctx.after).get(child);
  if (!p || p.state === 'ZOMBIE') return 'exit';
  return isStopped(p) ? 'stop' : 'continue';
}
