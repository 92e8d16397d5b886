import type { Interleaving, Step } from '../interleaving';

/** A pid rewrite: the new pid, or null when the pid no longer exists. */
export type PidMap = (pid: number) => number | null;

/** Steps that create a process (and so take a pid from the allocator). */
export function createsProcess(step: Step): boolean {
  return step.call === 'fork' || step.call === 'vfork' || (step.call === 'rfork' && step.flags.includes('RFPROC'));
}

/**
 * The pid each step created, assuming the allocator hands out 2, 3, 4 … in order (no wrap, no failed
 * fork). A guess, used when the caller cannot tell: candidates built on a wrong guess are invalid and
 * simply skipped.
 */
export function guessCreatedPids(il: Interleaving): (number | null)[] {
  let next = 2;
  return il.steps.map((s) => (createsProcess(s) ? next++ : null));
}

/** A selector (wait4's wpid, kill's target): positive pids and negative pgids are rewritten, -1 and 0 kept. */
function mapSelector(v: number, f: PidMap): number | null {
  if (v > 0) return f(v);
  if (v < -1) {
    const g = f(-v);
    return g === null ? null : -g;
  }
  return v;
}

/** A pid argument where 0 means "the caller". */
function mapPidArg(v: number, f: PidMap): number | null {
  return v > 0 ? f(v) : v;
}

/** Rewrites every pid a step refers to; null when one of them no longer exists. */
export function mapStepPids(step: Step, f: PidMap): Step | null {
  const pid = f(step.pid);
  if (pid === null) return null;
  const all = (...vs: (number | null)[]) => vs.every((v) => v !== null);
  switch (step.call) {
    case 'wait4': {
      const wpid = mapSelector(step.wpid, f);
      return all(wpid) ? { ...step, pid, wpid: wpid! } : null;
    }
    case 'kill': {
      const target = mapSelector(step.target, f);
      return all(target) ? { ...step, pid, target: target! } : null;
    }
    case 'ptrace':
    case 'getpgid':
    case 'getsid': {
      const target = mapPidArg(step.target, f);
      return all(target) ? { ...step, pid, target: target! } : null;
    }
    case 'setpgid': {
      const target = mapPidArg(step.target, f);
      const pgid = mapPidArg(step.pgid, f);
      return all(target, pgid) ? { ...step, pid, target: target!, pgid: pgid! } : null;
    }
    case 'tcsetpgrp': {
      const pgid = mapPidArg(step.pgid, f);
      return all(pgid) ? { ...step, pid, pgid: pgid! } : null;
    }
    default:
      return { ...step, pid };
  }
}

/** Every pid a step mentions (caller, targets, pgids), as positive numbers. */
export function pidsOf(step: Step): number[] {
  const seen: number[] = [];
  mapStepPids(step, (p) => (seen.push(p), p));
  return seen;
}

/**
 * The steps without steps `from`..`to`-1, as the allocator would now number them: pids handed out
 * after them shift down, and each pid those steps created is rewritten by `fate` (null: the process
 * is gone, and every later step that mentions it is dropped too).
 */
export function withoutCreations(steps: readonly Step[], from: number, to: number, created: readonly (number | null)[], fate: PidMap): Step[] {
  const gone = new Set(created.slice(from, to).filter((p): p is number => p !== null));
  const laterCreated = created.filter((p, i): p is number => p !== null && i >= to);
  const shift = new Map(laterCreated.map((p) => [p, p - [...gone].filter((g) => g < p).length]));
  const f: PidMap = (p) => (gone.has(p) ? fate(p) : (shift.get(p) ?? p));
  const out: Step[] = steps.slice(0, from);
  for (const s of steps.slice(to)) {
    const m = mapStepPids(s, f);
    if (m !== null) out.push(m);
  }
  return out;
}

/**
 * The steps without steps `from`..`to`-1 and without the processes those steps created: every later
 * step that mentions one of them is dropped too, and pids handed out after them shift down, as the
 * allocator would now hand them out.
 */
export function removeWithProcesses(steps: readonly Step[], from: number, to: number, created: readonly (number | null)[]): Step[] {
  return withoutCreations(steps, from, to, created, () => null);
}

/**
 * The step with one of the pids it mentions replaced by a smaller pid among `known` (init and the
 * pids of earlier steps): a fork hoisted to an ancestor, a wait moved to init, and so on.
 */
export function lowerPidVariants(step: Step, known: readonly number[]): Step[] {
  const out: Step[] = [];
  for (const p of new Set(pidsOf(step))) {
    for (const q of known) {
      if (q >= p) continue;
      const v = mapStepPids(step, (x) => (x === p ? q : x));
      if (v) out.push(v);
    }
  }
  return out;
}

/**
 * The steps renumbered for another allocator: each step's pids are rewritten through the pids the
 * creating steps handed out before it (`from[i]` under the old config, `to[i]` under the new), so a
 * pid reused by a small pidMax maps to whichever process held it at that step.
 */
export function renumberTemporally(steps: readonly Step[], from: readonly (number | null)[], to: readonly (number | null)[]): Step[] | null {
  const live = new Map<number, number>();
  const out: Step[] = [];
  for (let i = 0; i < steps.length; i++) {
    const m = mapStepPids(steps[i], (p) => live.get(p) ?? p);
    if (m === null) return null;
    out.push(m);
    const o = from[i];
    const n = to[i];
    if (o !== null && o !== undefined && n !== null && n !== undefined) live.set(o, n);
  }
  return out;
}

/** Init and every pid the steps before step `i` mention, ascending: the processes a step could be moved to. */
export function knownPidsBefore(steps: readonly Step[], i: number): number[] {
  return [...new Set([1, ...steps.slice(0, i).flatMap(pidsOf)])].sort((x, y) => x - y);
}
