import type { Config, Implementation, Observation, ProfileName, Step, StepResult } from '../../interleaving';
import { decodeStatus, isPromise, StepRejected, UNSPECIFIED, withDefaults } from '../../interleaving';

/** What one step did on one implementation: its result, or the reason it was not taken. */
export type StepOutcome = { result: StepResult } | { rejected: string };

/** Run `steps` from a fresh reset on `impl` with `config` (async so a host target fits too). */
export async function runSteps(impl: Implementation, config: Partial<Config>, steps: readonly Step[]): Promise<StepOutcome[]> {
  await impl.reset(withDefaults(config));
  const out: StepOutcome[] = [];
  for (const step of steps) {
    try {
      const r = impl.apply(step);
      out.push({ result: isPromise(r) ? await r : r });
    } catch (e) {
      if (!(e instanceof StepRejected)) throw e;
      out.push({ rejected: e.message });
      break;
    }
  }
  return out;
}

function statusText(raw: number, profile: ProfileName, exact: boolean): string {
  const d = decodeStatus(raw, profile);
  const what = d.kind === 'exited' ? `exited(${d.code})` : d.kind === 'continued' ? 'continued' : d.kind === 'stopped' ? `stopped(${d.sig})` : `signaled(${d.sig}${d.core ? ', core' : ''})`;
  return exact ? `${what} 0x${raw.toString(16)}` : what;
}

/**
 * One observation as a short phrase: `pid 2 wait4 → 3, exited(5) 0x500, utime 0`. Not `exact`,
 * it is what a comparison sees (runner/compare.ts): statuses decoded, unspecified values left out.
 */
export function describeObservation(o: Observation, profile: ProfileName, exact = true): string {
  const head = `pid ${o.pid} ${o.call}`;
  if (o.kind === 'sleep') return `${head} sleeps`;
  if (o.kind === 'noreturn') return `${head} does not return`;
  const parts = [o.errno ?? String(o.ret ?? 0)];
  if (o.status !== undefined && (exact || o.status !== UNSPECIFIED)) parts.push(o.status === UNSPECIFIED ? 'status unspecified' : statusText(o.status, profile, exact));
  if (o.rusage !== undefined && exact) parts.push(o.rusage === UNSPECIFIED ? 'rusage unspecified' : `utime ${o.rusage.utime}`);
  if (o.sigs !== undefined) parts.push(`pending {${o.sigs.join(', ')}}`);
  return `${head} → ${parts.join(', ')}`;
}

/** A step's outcome as text: every observation, then a panic; or the rejection. */
export function describeOutcome(o: StepOutcome | undefined, profile: ProfileName, exact = true): string {
  if (o === undefined) return 'not reached';
  if ('rejected' in o) return `rejected (${o.rejected})`;
  const parts = o.result.observations.map((x) => describeObservation(x, profile, exact));
  if (o.result.panic !== undefined) parts.push(`panic: ${o.result.panic.split('\n')[0]}`);
  return parts.join('; ');
}

/**
 * The index of the first step whose outcomes differ between the two runs as a comparison sees them
 * (CPU time aside, which real kernels only approximate), or -1.
 */
export function firstDifference(a: readonly StepOutcome[], pa: ProfileName, b: readonly StepOutcome[], pb: ProfileName): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (describeOutcome(a[i], pa, false) !== describeOutcome(b[i], pb, false)) return i;
  return -1;
}
