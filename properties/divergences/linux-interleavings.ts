import type { Config, Implementation, Interleaving, Observation, ProcView, Snapshot, Step, StepResult } from '../../interleaving';
import { createOracle } from '../../oracle';
import { executeSync } from '../../runner/execute';
import { withPidSpaceFor } from '../generators/config';
import { generateInterleaving } from '../generators/generate';
import { procsByPid } from '../invariants/lib/procs';
import { runSeed } from '../seeds';

/**
 * A generated config made fit for Linux: the `linux` profile, none of the tiny pid spaces that only
 * FreeBSD's allocator takes (`withPidSpaceFor`), and no maxproc limit (kern.maxproc is global on
 * Linux). RLIMIT_NPROC is per namespace, so it stays.
 */
export function linuxConfig(c: Partial<Config>): Partial<Config> {
  const { profile: _profile, maxproc: _maxproc, ...kept } = withPidSpaceFor(c, 'linux');
  return { profile: 'linux', ...kept };
}

/**
 * The oracle on the `linux` profile, reset with the Linux-fit form of whatever config it is given
 * (exactly the config the interleaving is saved with), so it guides generation for Linux.
 */
export function createLinuxModel(): Implementation {
  const oracle = createOracle({ name: 'oracle-linux' });
  return {
    name: oracle.name,
    reset: (c) => oracle.reset(linuxConfig(c) as Config),
    apply: (s) => oracle.apply(s),
    snapshot: () => oracle.snapshot(),
  };
}

/** Whether two or more processes ended in one step, one of them with children (they reach init in death order). */
function orphansRace(before: Snapshot, after: Snapshot): boolean {
  const alive = new Set(after.procs.filter((p) => p.state !== 'ZOMBIE').map((p) => p.pid));
  const died = before.procs.filter((p) => p.state !== 'ZOMBIE' && !alive.has(p.pid));
  return died.length >= 2 && died.some((p) => p.children.length > 0);
}

const REPORTABLE = ['STOPPED_SIG', 'STOPPED_TRACE', 'CONTINUED'];

/** What a wait can report of p: its state, stop and continue flags, whether the stop was waited for, xstat. */
function reportState(p: ProcView): string {
  return `${p.state} ${p.flags.filter((f) => REPORTABLE.includes(f) || f === 'WAITED').join(',')} ${p.xstat}`;
}

/**
 * Whether a wait4 asleep before the step returned (a pid, or EFAULT after taking one) while two of
 * its candidates (or one twice, overtaken) (children, or any traced process) became reportable in the step or were reaped in
 * it: a new zombie, stop or continue. On the
 * real kernel the waiter scans as soon as the first of them wakes it, so which one it returns
 * depends on timing (seed 3: two victims of one kill(0); a tracer's exit beside its detached
 * tracee's stop).
 */
function sleeperRace(result: StepResult, before: Snapshot, after: Snapshot): boolean {
  const now = procsByPid(after);
  return result.observations.slice(1).some((o) => {
    if (o.kind !== 'return' || o.call !== 'wait4' || o.errno === 'EINTR' || o.errno === 'ECHILD') return false;
    const candidate = (p: ProcView) => p.ppid === o.pid || p.flags.includes('TRACED');
    const reaped = before.procs.filter((p) => candidate(p) && !now.has(p.pid)).map((p) => p.pid);
    // A reportable process adopted in the step from a dying multi-threaded leader counts too: the
    // leader is reapable only once its other threads are gone, so the waiter may take the adoptee
    // first (seed 1 run 4: 3 of 8 replays here).
    const fromThreadedLeader = (b: ProcView) => before.procs.some((q) => q.pid === b.ppid && q.threads > 1 && now.get(q.pid)?.state !== 'NORMAL');
    const moved = before.procs.filter((b) => {
      const p = now.get(b.pid);
      const changed = reportState(b) !== reportState(p ?? b) || (!candidate(b) && fromThreadedLeader(b));
      return p !== undefined && candidate(p) && (p.state === 'ZOMBIE' || p.flags.some((f) => REPORTABLE.includes(f))) && changed;
    }).map((p) => p.pid);
    // The one it returned (a pid, or, with EFAULT, unknown) is among them; any other makes it a race.
    return new Set([...reaped, ...moved, ...((o.ret ?? 0) > 0 ? [o.ret!] : [])]).size >= 2 || overtaken(o, now);
  });
}

/**
 * Whether a wait reported a stop or continue of a process that the same step then killed: it was
 * reportable twice (an orphaned group's SIGCONT, then its SIGHUP), and the waiter reports
 * whichever it sees when it runs (seed 4 run 742: 0xffff or SIGHUP's 0x1). A stop or continue
 * status has 0x7f in its low seven bits; an exit or death never does.
 */
function overtaken(o: Observation, now: ReadonlyMap<number, ProcView>): boolean {
  if ((o.ret ?? 0) <= 0 || typeof o.status !== 'number' || (o.status & 0x7f) !== 0x7f) return false;
  return now.get(o.ret!)?.state !== 'NORMAL';
}

/**
 * Whether one kill reached a traced process and one of its children, both acting on it (seed 4:
 * kill(0, SIGSTOP)): the child's stop or death sends the tracee SIGCHLD while it takes its own
 * signal, so which it trace-stops on first (the lower number when both are there) depends on timing.
 */
function tracedSignalRace(step: Step, before: Snapshot, after: Snapshot): boolean {
  if (step.call !== 'kill' || step.target > 0) return false;
  const was = new Map(before.procs.map((p) => [p.pid, reportState(p)]));
  const moved = after.procs.filter((p) => was.has(p.pid) && was.get(p.pid) !== reportState(p));
  return moved.some((t) => t.flags.includes('TRACED') && moved.some((c) => c.ppid === t.pid));
}

/** Whether process group `pgid` is orphaned in `s`: no live member has a parent in another group of its session. */
function orphaned(pgid: number, s: Snapshot): boolean {
  const byPid = procsByPid(s);
  return !s.procs.some((m) => {
    const q = m.pgid === pgid && m.state !== 'ZOMBIE' ? byPid.get(m.ppid) : undefined;
    return q !== undefined && q.pgid !== pgid && q.sid === m.sid;
  });
}

/**
 * Whether a step detached a trace-stopped tracee (its tracer died) and left the tracee's group
 * orphaned: the tracee, woken, group-stops again on its own CPU while the dying tracer checks the
 * group for stopped members, so whether the group gets SIGHUP and SIGCONT is timing (seed 1 run
 * 485 on an idle machine: 11 of 20 replays killed the tracee).
 */
function detachOrphansRace(before: Snapshot, after: Snapshot): boolean {
  const now = procsByPid(after);
  return before.procs.some((p) => {
    const q = now.get(p.pid);
    return p.flags.includes('TRACED') && p.flags.includes('STOPPED_TRACE') && q !== undefined && !q.flags.includes('TRACED')
      && orphaned(p.pgid, after) && !orphaned(p.pgid, before);
  });
}

/**
 * Whether a traced vfork parent with signals pending was released by its child's death in the step:
 * Linux wakes it when the child lets go of its memory, before the child's SIGCHLD is sent, so
 * which signal it trace-stops on first (SIGCHLD 17 or a pending SIGCONT 18) is timing (seed 2 run
 * 607 on an idle machine).
 */
function vforkReleaseRace(before: Snapshot, after: Snapshot): boolean {
  const now = procsByPid(after);
  return before.procs.some((p) => p.sleeping?.chan === 'ppwait' && p.flags.includes('TRACED') && p.pending.length > 0
    && now.get(p.pid)?.sleeping?.chan !== 'ppwait' && now.get(p.sleeping.child)?.state !== 'NORMAL');
}

/**
 * The steps a real kernel cannot be pinned on, cut off: from the first step whose outcome depends
 * on the order in which concurrent processes act (orphansRace, sleeperRace, tracedSignalRace, detachOrphansRace,
 * vforkReleaseRace). The quiescence rule of
 * the harness waits for all of them, but cannot order them.
 */
export function cutAtRaces(il: Interleaving): Interleaving {
  let cut = il.steps.length;
  executeSync(createOracle(), il, {
    observe: ({ index, step, result, before, after }) => {
      if (cut < il.steps.length || !before || !after) return;
      if (orphansRace(before, after) || sleeperRace(result, before, after) || tracedSignalRace(step, before, after) || detachOrphansRace(before, after) || vforkReleaseRace(before, after)) cut = index;
    },
  });
  return { config: il.config, steps: il.steps.slice(0, cut) };
}

/**
 * Interleavings for a Linux target: generated step by step on the `linux` profile, so calls Linux
 * lacks are replaced as the model rejects them, and every step is valid there; then cut before
 * races the host cannot order (cutAtRaces).
 */
export function linuxInterleavingSource(seed: number, maxSteps: number): (run: number) => Interleaving {
  const model = createLinuxModel();
  return (run) => {
    const il = generateInterleaving(runSeed(seed, run), { model, maxSteps });
    return cutAtRaces({ config: linuxConfig(il.config), steps: il.steps });
  };
}
