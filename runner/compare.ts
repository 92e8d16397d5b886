import type { Observation, ProfileName, StepResult } from '../interleaving';
// From the defining modules, not the barrel: its re-exports are getters, read on every step here.
import { UNSPECIFIED } from '../interleaving/observation';
import { decodeStatus } from '../interleaving/status';

/** One field on which two results of the same step differ. */
export interface Divergence {
  step: number;
  /** Index into the step's observations (-1 for step-level fields: count, log, panic). */
  observation: number;
  field: string;
  expected: unknown;
  actual: unknown;
  /** Seed lines or semantics.md section of the rule involved. */
  rule: string;
}

export interface CompareOptions {
  expectedProfile: ProfileName;
  actualProfile: ProfileName;
  /** Allowed difference in rusage ticks (real kernels, linux.md W13). */
  rusageTolerance?: number;
}

/** Where each call's rule lives, for divergence reports. */
export const RULE_OF_CALL: Record<string, string> = {
  exit: 'kern_exit.c:95-99, 108-537 (exit1)',
  abort2: 'kern_exit.c:548-614',
  wait4: 'kern_exit.c:637-652, 654-853 (kern_wait)',
  owait: 'kern_exit.c:622-630, 654-853 (kern_wait)',
  fork: 'semantics.md §3.1-3.2',
  vfork: 'semantics.md §3.1, kern_exit.c:235, 512',
  rfork: 'semantics.md §3.1, kern_exit.c:208-220, 278-286',
  thr_new: 'kern_exit.c:133-167',
  kill: 'semantics.md §3.9.1-3.9.2',
  sigaction: 'semantics.md §3.10',
  sigprocmask: 'semantics.md §3.9',
  ptrace: 'semantics.md §3.8',
  setpgid: 'semantics.md §3.11',
  setsid: 'semantics.md §3.11',
  setctty: 'kern_exit.c:292-346',
  tcsetpgrp: 'kern_exit.c:292-346',
  execve: 'semantics.md §3.10',
  setuid: 'semantics.md §3.1 step 4',
  run: 'semantics.md §9.6',
  getppid: 'semantics.md §3.11 (E8)',
  getpgid: 'semantics.md §3.11',
  getsid: 'semantics.md §3.11',
  getrusage: 'semantics.md §3.13',
  sigpending: 'semantics.md §3.9.6 (E16)',
};

function statusEqual(e: number, a: number, o: CompareOptions): boolean {
  if (o.expectedProfile === o.actualProfile) return e === a;
  return JSON.stringify(decodeStatus(e, o.expectedProfile)) === JSON.stringify(decodeStatus(a, o.actualProfile));
}

/**
 * CPU time in ticks. An explicit tolerance is symmetric. A Linux target is a real kernel (linux.md
 * W13, §2.4): its figure covers at least what was burned, less one tick of rounding to the nearest
 * tick, and at most that plus the harness's own work (two ticks and a quarter of the figure).
 * Counts (pids, statuses, errnos) are compared exactly elsewhere.
 */
export function usageAgrees(expected: number, actual: number, o: CompareOptions): boolean {
  if (o.rusageTolerance !== undefined) return Math.abs(expected - actual) <= o.rusageTolerance;
  if (o.actualProfile !== 'linux') return expected === actual;
  return actual >= expected - 1 && actual <= expected + 2 + Math.ceil(expected / 4);
}

/** Records one differing field (the rule looked up only then: agreeing steps allocate nothing). */
function diverged(out: Divergence[], step: number, i: number, e: Observation, field: string, ev: unknown, av: unknown): void {
  out.push({ step, observation: i, field, expected: ev, actual: av, rule: RULE_OF_CALL[e.call] ?? '' });
}

/** The same strings in the same order. */
function sameLines(e: readonly string[], a: readonly string[]): boolean {
  if (e.length !== a.length) return false;
  for (let k = 0; k < e.length; k++) if (e[k] !== a[k]) return false;
  return true;
}

/** Two signal lists as sets: the same order is the common case, and needs no sort. */
function sameSigs(e: readonly string[] | undefined, a: readonly string[] | undefined): boolean {
  if (e === a) return true;
  if (e === undefined || a === undefined) return false;
  return sameLines(e, a) || [...e].sort().join(',') === [...a].sort().join(',');
}

/** Two logs as the text they print: equal lines are the common case, and need no join. */
function sameLog(e: readonly string[], a: readonly string[]): boolean {
  return sameLines(e, a) || e.join('\n') === a.join('\n');
}

function compareObservation(step: number, i: number, e: Observation, a: Observation, o: CompareOptions, out: Divergence[]): void {
  if (e.pid !== a.pid) diverged(out, step, i, e, 'pid', e.pid, a.pid);
  if (e.call !== a.call) diverged(out, step, i, e, 'call', e.call, a.call);
  if (e.kind !== a.kind) diverged(out, step, i, e, 'kind', e.kind, a.kind);
  if (e.ret !== a.ret) diverged(out, step, i, e, 'ret', e.ret, a.ret);
  if (e.errno !== a.errno) diverged(out, step, i, e, 'errno', e.errno, a.errno);
  // Read once each: observations come in many shapes, so every field read is a slow (megamorphic) load.
  const e1 = e.ret1;
  const a1 = a.ret1;
  if (e1 !== undefined && a1 !== undefined && !statusEqual(e1, a1, o)) diverged(out, step, i, e, 'ret1', e1, a1);
  else if ((e1 === undefined) !== (a1 === undefined)) diverged(out, step, i, e, 'ret1', e1, a1);
  const es = e.status;
  const as = a.status;
  if (es !== UNSPECIFIED && as !== UNSPECIFIED) {
    if (es === undefined || as === undefined) {
      if (es !== as) diverged(out, step, i, e, 'status', es, as);
    } else if (!statusEqual(es, as, o)) diverged(out, step, i, e, 'status', es, as);
  }
  const eu = e.rusage;
  const au = a.rusage;
  if (eu !== UNSPECIFIED && au !== UNSPECIFIED) {
    if (eu === undefined || au === undefined) {
      if (eu !== au) diverged(out, step, i, e, 'rusage', eu, au);
    } else if (!usageAgrees(eu.utime, au.utime, o)) diverged(out, step, i, e, 'rusage.utime', eu.utime, au.utime);
  }
  if (!sameSigs(e.sigs, a.sigs)) diverged(out, step, i, e, 'sigs', e.sigs, a.sigs);
}

/**
 * Field-by-field comparison of two results of one step. Unspecified values (E5, semantics.md §9.9)
 * are never compared; machine-dependent hooks and trace events are internal and not compared.
 */
export function compareResults(step: number, expected: StepResult, actual: StepResult, o: CompareOptions): Divergence[] {
  const out: Divergence[] = [];
  const n = Math.min(expected.observations.length, actual.observations.length);
  for (let i = 0; i < n; i++) compareObservation(step, i, expected.observations[i], actual.observations[i], o, out);
  if (expected.observations.length !== actual.observations.length) {
    const rule = 'semantics.md §9.2 (completions of woken sleepers)';
    out.push({ step, observation: -1, field: 'observations.length', expected: expected.observations.length, actual: actual.observations.length, rule });
  }
  if (!sameLog(expected.log, actual.log)) out.push({ step, observation: -1, field: 'log', expected: expected.log, actual: actual.log, rule: RULE_OF_CALL.abort2 });
  if ((expected.panic ?? null) !== (actual.panic ?? null)) out.push({ step, observation: -1, field: 'panic', expected: expected.panic, actual: actual.panic, rule: 'kern_exit.c:124-128' });
  return out;
}
