import type { Observation, ProfileName, Snapshot, Step, StepExpectation, StepResult } from '../interleaving';
import { decodeStatus, UNSPECIFIED } from '../interleaving';

/**
 * Checking one step's result against a fixture's StepExpectation.
 *
 * Conventions (documented in fixtures/README.md):
 * - Only stated fields are checked. `errno: null` states "no error".
 * - `"unspecified"` (status.raw, rusage) states that the call copied a value out whose content the
 *   seed leaves open (E5, semantics.md §9.9): the implementation must report a value there, either
 *   `"unspecified"` or any concrete one, but not leave the field out.
 * - For owait the status is the second return register (`ret1`, kern_exit.c:627-628).
 * - `wakes` lists every sleeper the step completes, in order: the count must match.
 * - Snapshot facts: listed processes, groups and sessions must exist and match on the listed fields
 *   (flag, pending, blocked and sigchld sa-flag lists compare as sets; children, peers, members and handled
 *   records in order); `absent` pids must not be in the table; uid counts missing from the table are 0.
 */

/** Fields whose order carries no meaning: compared as sets. */
const SET_FIELDS = new Set(['flags', 'psFlags', 'pending', 'blocked', 'sigs']);

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

function sameValue(field: string, expected: unknown, actual: unknown): boolean {
  if (SET_FIELDS.has(field) && Array.isArray(expected) && Array.isArray(actual)) {
    return canonical([...expected].map(canonical).sort()) === canonical([...actual].map(canonical).sort());
  }
  if (field === 'sigchld' && expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => sameValue(k, v, a[k]));
  }
  return canonical(expected) === canonical(actual);
}

function show(v: unknown, field = ''): string {
  if (typeof v === 'number' && /status|xstat|raw|ret1/.test(field)) return `0x${v.toString(16)}`;
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

/** "expected X, got Y" for a field. */
function differs(field: string, expected: unknown, actual: unknown): string {
  return `${field}: expected ${show(expected, field)}, got ${show(actual, field)}`;
}

/** A value the fixture states as unspecified must at least have been copied out. */
function matchesStated(stated: unknown, actual: unknown, field: string): boolean {
  if (stated === UNSPECIFIED) return actual !== undefined;
  if (actual === UNSPECIFIED) return false;
  return sameValue(field, stated, actual);
}

function checkObservation(o: Observation | undefined, call: Step['call'], e: StepExpectation, profile: ProfileName, out: string[]): void {
  const need = (field: string) => out.push(`${field}: expected a value, but the step has no observation for its caller`);
  if (!o) {
    for (const f of ['ret', 'errno', 'status', 'rusage', 'sigs', 'sleeps'] as const) if (e[f] !== undefined) need(f);
    return;
  }
  if (e.ret !== undefined && o.ret !== e.ret) out.push(differs('ret', e.ret, o.ret));
  if (e.errno !== undefined && (o.errno ?? null) !== e.errno) out.push(differs('errno', e.errno ?? 'no error', o.errno ?? 'no error'));
  const statusField = call === 'owait' ? 'ret1' : 'status';
  const status = call === 'owait' ? o.ret1 : o.status;
  if (e.status?.raw !== undefined && !matchesStated(e.status.raw, status, 'status')) out.push(differs(`status.raw (${statusField})`, e.status.raw, status));
  if (e.status?.decoded !== undefined) {
    const decoded = typeof status === 'number' ? decodeStatus(status, profile) : status;
    if (!sameValue('decoded', e.status.decoded, decoded)) out.push(differs(`status.decoded (${statusField})`, e.status.decoded, decoded));
  }
  if (e.rusage !== undefined && !matchesStated(e.rusage, o.rusage, 'rusage')) out.push(differs('rusage', e.rusage, o.rusage));
  if (e.sigs !== undefined && !sameValue('sigs', e.sigs, o.sigs)) out.push(differs('sigs', e.sigs, o.sigs));
  if (e.sleeps !== undefined && (o.kind === 'sleep') !== e.sleeps) out.push(`sleeps: expected ${e.sleeps ? 'the call to block' : 'the call not to block'}, got kind ${o.kind}`);
}

function checkWakes(wakes: NonNullable<StepExpectation['wakes']>, completed: Observation[], out: string[]): void {
  if (wakes.length !== completed.length) {
    const got = completed.map((c) => `${c.pid} (${c.call})`).join(', ') || 'none';
    out.push(`wakes: expected ${wakes.length} completed sleeper(s), got ${completed.length}: ${got}`);
  }
  wakes.forEach((w, k) => {
    const c = completed[k];
    if (!c) return;
    for (const [field, stated] of Object.entries(w)) {
      const actual = (c as unknown as Record<string, unknown>)[field];
      if (!matchesStated(stated, actual, field)) out.push(differs(`wakes[${k}].${field}`, stated, actual));
    }
  });
}

function checkRecords<T extends object>(
  what: string,
  key: keyof T,
  stated: (Partial<T> & Record<string, unknown>)[] | undefined,
  table: T[],
  out: string[],
): void {
  for (const s of stated ?? []) {
    const id = s[key as string];
    const actual = table.find((r) => r[key] === id);
    if (!actual) {
      out.push(`snapshot: ${what} ${id}: expected present, but it is not in the table`);
      continue;
    }
    for (const [field, v] of Object.entries(s)) {
      const a = (actual as Record<string, unknown>)[field];
      if (!sameValue(field, v, a)) out.push(`snapshot: ${what} ${id}: ${differs(field, v, a)}`);
    }
  }
}

function checkSnapshot(e: NonNullable<StepExpectation['snapshot']>, snap: Snapshot | null, out: string[]): void {
  if (!snap) {
    out.push('snapshot: expected process-table facts, but the implementation gives no snapshot');
    return;
  }
  checkRecords('proc', 'pid', e.procs as never, snap.procs, out);
  for (const pid of e.absent ?? []) {
    const p = snap.procs.find((r) => r.pid === pid);
    if (p) out.push(`snapshot: proc ${pid}: expected absent, but it is present (${p.state})`);
  }
  checkRecords('pgrp', 'pgid', e.pgrps as never, snap.pgrps, out);
  checkRecords('session', 'sid', e.sessions as never, snap.sessions, out);
  if (e.nprocs !== undefined && snap.nprocs !== e.nprocs) out.push(`snapshot: ${differs('nprocs', e.nprocs, snap.nprocs)}`);
  for (const [uid, n] of Object.entries(e.uidCounts ?? {})) {
    const actual = (snap.uidCounts as Record<string, number>)[uid] ?? 0;
    if (actual !== n) out.push(`snapshot: ${differs(`uidCounts[${uid}]`, n, actual)}`);
  }
}

/** True when checking `e` needs a snapshot taken after the step. */
export function needsSnapshot(e: StepExpectation | null | undefined): boolean {
  return e?.snapshot !== undefined;
}

/**
 * Compares one step's result (and the snapshot after it) with what a fixture states. Returns one
 * message per mismatch, each naming the step, the field, the expected and the actual value; an empty
 * list means the step matches. `profile` is the implementation's, for decoding status words.
 */
export function checkExpectation(
  index: number,
  step: Step,
  expectation: StepExpectation,
  result: StepResult,
  snapshot: Snapshot | null,
  profile: ProfileName,
): string[] {
  const out: string[] = [];
  checkObservation(result.observations[0], step.call, expectation, profile, out);
  if (expectation.wakes) checkWakes(expectation.wakes, result.observations.slice(1), out);
  if (expectation.log && !sameValue('log', expectation.log, result.log)) out.push(differs('log', expectation.log, result.log));
  if (expectation.panic !== undefined && result.panic !== expectation.panic) out.push(differs('panic', expectation.panic, result.panic));
  if (expectation.snapshot) checkSnapshot(expectation.snapshot, snapshot, out);
  return out.map((m) => `step ${index} (${step.call} by ${step.pid}): ${m}`);
}
