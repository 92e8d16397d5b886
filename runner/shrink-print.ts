import type { Interleaving, Observation, Step, StepResult } from '../interleaving';
import { UNSPECIFIED } from '../interleaving';
import type { Failure } from './execute';

/** `wait4(wpid=-1, options=[WNOHANG], status=valid, rusage=null)`: a step without its caller. */
export function formatCall(step: Step): string {
  const args = Object.entries(step)
    .filter(([k, v]) => k !== 'pid' && k !== 'call' && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${step.call}(${args.join(', ')})`;
}

function hex(v: number | typeof UNSPECIFIED): string {
  return v === UNSPECIFIED ? v : `0x${v.toString(16)}`;
}

/** `pid 2 wait4 → 3 status=0x100`: what one call did. */
export function formatObservation(o: Observation): string {
  const parts = [`pid ${o.pid} ${o.call}`];
  if (o.kind === 'sleep') parts.push('sleeps');
  else if (o.kind === 'noreturn') parts.push('does not return');
  else parts.push(`→ ${o.errno ? `-1 ${o.errno}` : (o.ret ?? 0)}`);
  if (o.ret1 !== undefined) parts.push(`ret1=${hex(o.ret1)}`);
  if (o.status !== undefined) parts.push(`status=${hex(o.status)}`);
  if (o.rusage !== undefined) parts.push(`rusage=${o.rusage === UNSPECIFIED ? o.rusage : o.rusage.utime}`);
  if (o.sigs !== undefined) parts.push(`sigs=[${o.sigs.join(',')}]`);
  return parts.join(' ');
}

export interface PrintContext {
  seed?: string | number;
  /** The command that replays it (e.g. `reapcheck replay fixtures/errata/e4.json --impl oracle`). */
  command?: string;
}

/**
 * A shrunk interleaving, readably: the failure, the config, one line per step with what it
 * produced (the caller's call, then the sleepers it completed), the seed and the replay command.
 */
export function formatShrunk(il: Interleaving, results: readonly StepResult[], failure: Failure, ctx: PrintContext = {}): string {
  const lines = [`${failure.property} fails at step ${failure.step}: ${failure.message}`];
  const config = Object.entries(il.config).map(([k, v]) => `${k}=${v}`);
  if (config.length > 0) lines.push(`config: ${config.join(' ')}`);
  const width = String(il.steps.length).length;
  il.steps.forEach((step, i) => {
    const r = results[i];
    const seen = r ? r.observations.map(formatObservation).join('; ') : 'not run';
    const extra = r ? [...r.log.map((l) => `log "${l}"`), ...(r.panic ? [`panic "${r.panic}"`] : [])] : [];
    lines.push(`  ${String(i).padStart(width)}  pid ${step.pid} ${formatCall(step)}  ⇒ ${[seen, ...extra].join('; ')}`);
  });
  if (ctx.seed !== undefined) lines.push(`seed: ${ctx.seed}`);
  if (ctx.command) lines.push(`replay: ${ctx.command}`);
  return lines.join('\n');
}
