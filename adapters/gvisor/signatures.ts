import type { ProcView, Sig, SignalName, Snapshot, Step } from '../../interleaving';
import { SA_IGNORE, SA_TTYSTOP, SIGPROP } from '../../oracle/signals/sigprop';
import { sigId } from '../../oracle/signals/signal-ids';
import { actualOwn, type Evidence, type StateBefore } from './evidence';

/**
 * How a known gVisor divergence is recognised in a failing run: a step that sets it off, judged on
 * the `linux` profile's state before that step, and how far its effect reaches.
 * - `at-once`: it shows at that very step, and only a first failure there that `shows` counts.
 * - `lasting`: it changes gVisor's process state silently (a process stopped or killed that Linux
 *   leaves alone), so a later first failure that looks like process state having drifted
 *   (`looksLikeStateDrift`) is explained by it: after it the run is not comparable any more. A
 *   wrong return value of a call other than wait4 is never put down to drift.
 */
export type Signature =
  | { reach: 'at-once'; trigger: Trigger; shows: (e: Evidence) => boolean }
  | { reach: 'lasting'; trigger: Trigger; drift?: (e: Evidence, t: number) => boolean };

/** Whether step t sets the divergence off, on the profile's state before it (`e.before` holds the earlier states). */
export type Trigger = (step: Step, s: StateBefore, e: Evidence, t: number) => boolean;

const proc = (snap: Snapshot, pid: number): ProcView | undefined => snap.procs.find((p) => p.pid === pid && p.state === 'NORMAL');
const named = (sig: Sig): sig is SignalName => typeof sig === 'string';
const prop = (sig: SignalName): number => SIGPROP[sigId(sig)];
const stopped = (p: ProcView): boolean => p.flags.includes('STOPPED_SIG') || p.flags.includes('STOPPED_TRACE');
const orphanedGroup = (snap: Snapshot, pgid: number): boolean => snap.pgrps.find((g) => g.pgid === pgid)?.jobc === 0;

/**
 * The live processes a kill step reaches and may signal (one uid per process: root, or the same
 * uid); a positive target may name a process or one of its extra threads.
 */
function victims(step: Step, s: StateBefore): ProcView[] {
  if (step.call !== 'kill') return [];
  const snap = s.snapshot;
  const caller = proc(snap, step.pid);
  if (!caller) return [];
  const live = snap.procs.filter((p) => p.state === 'NORMAL');
  const who = step.target > 0 ? s.threadOwner(step.target) ?? step.target : 0;
  const reached = step.target > 0 ? live.filter((p) => p.pid === who)
    : step.target === 0 ? live.filter((p) => p.pgid === caller.pgid)
      : step.target === -1 ? live.filter((p) => p.pid !== 1 && p.pid !== caller.pid)
        : live.filter((p) => p.pgid === -step.target);
  return reached.filter((p) => caller.uid === 0 || caller.uid === p.uid);
}

/** A signal whose default action does something (terminate, core, stop), left at its default by `pid`. */
function actsByDefault(s: StateBefore, pid: number, sig: Sig): sig is SignalName {
  return named(sig) && (prop(sig) & SA_IGNORE) === 0 && s.disposition(pid, sig) === 'SIG_DFL';
}

/** The failing step differs from Linux in its caller's observation, on these fields only. */
const onlyAt = (e: Evidence, ...fields: string[]): boolean => e.divergences.length > 0 && e.divergences.every((d) => d.observation === 0 && fields.includes(d.field));

/**
 * A failure that a process's state (stopped, dead, continued) differing from Linux's can cause: a
 * rejected step, a panic, a sleeper's completion, a wait4 result, an observation's kind or count.
 */
export function looksLikeStateDrift(e: Evidence): boolean {
  if (e.failure.property === 'rejected') return true;
  const call = e.steps[e.failure.step].call;
  return e.divergences.some((d) => d.observation !== 0 || call === 'wait4' || !['ret', 'errno', 'ret1', 'sigs', 'rusage.utime', 'rusage'].includes(d.field));
}

/** The process the failing step names (kill, ptrace, setpgid ... `target`), or 0. */
function targetOf(e: Evidence): number {
  const step = e.steps[e.failure.step];
  return 'target' in step && typeof step.target === 'number' && step.target > 0 ? step.target : 0;
}

/**
 * Whether the failing step is made by or names one of `pids` or a child of one (as the profile had
 * them before step t): a stopped or killed process's own calls, and its children's reparenting.
 */
function namesFamilyOf(e: Evidence, t: number, pids: number[]): boolean {
  const step = e.steps[e.failure.step];
  const family = new Set([...pids, ...e.before[t].snapshot.procs.filter((p) => pids.includes(p.ppid)).map((p) => p.pid)]);
  return family.has(step.pid) || family.has(targetOf(e));
}

/** Whether the failing step is made by or names a member of a group that had a stopped process at step t (gVisor may hang the group up). */
function namesGroupOfStopped(e: Evidence, t: number): boolean {
  const present = e.before[t].snapshot.procs;
  const groups = new Set(e.before.slice(0, t + 1).flatMap((s) => s.snapshot.procs.filter(stopped).map((p) => present.find((q) => q.pid === p.pid)?.pgid ?? p.pgid)));
  const members = new Set(present.filter((p) => groups.has(p.pgid)).map((p) => p.pid));
  return members.has(e.steps[e.failure.step].pid) || members.has(targetOf(e));
}

/** The children of `pid` a wait4 step could report now: zombies, stopped or continued ones its selector matches. */
function reportable(step: Step, snap: Snapshot): number[] {
  if (step.call !== 'wait4') return [];
  const caller = proc(snap, step.pid);
  const wpid = step.wpid;
  return snap.procs
    .filter((p) => p.ppid === step.pid && (wpid > 0 ? p.pid === wpid : wpid === 0 ? p.pgid === caller?.pgid : wpid === -1 || p.pgid === -wpid))
    .filter((p) => p.state === 'ZOMBIE' || stopped(p) || p.flags.includes('CONTINUED'))
    .map((p) => p.pid);
}

/** The children an earlier wait4 by step t's caller could have reaped while it failed with EFAULT (the status copy-out), hiding which. */
function reapedUnseen(e: Evidence, t: number): number[] {
  const caller = e.steps[t].pid;
  return e.steps.slice(0, t).flatMap((st, u) => (st.pid === caller && st.call === 'wait4' && e.expected[u].observations[0]?.errno === 'EFAULT' ? reportable(st, e.before[u].snapshot) : []));
}

/** The profile's process table after step t. */
const stateAfter = (e: Evidence, t: number): Snapshot => (t + 1 < e.before.length ? e.before[t + 1].snapshot : e.after);

/** The groups that step t orphans while one of their members is stopped (Linux hangs them up then). */
function orphanedWithStopped(e: Evidence, t: number): number[] {
  const before = e.before[t].snapshot;
  const after = stateAfter(e, t);
  return before.pgrps
    .filter((g) => g.jobc > 0 && after.pgrps.find((n) => n.pgid === g.pgid)?.jobc === 0)
    .filter((g) => before.procs.some((p) => p.pgid === g.pgid && p.state === 'NORMAL' && stopped(p)))
    .map((g) => g.pgid);
}

/** Was a process that is still in the table (live or zombie) stopped at some step up to t? */
function stoppedSoFar(e: Evidence, t: number): boolean {
  const present = new Set(e.before[t].snapshot.procs.map((p) => p.pid));
  return e.before.slice(0, t + 1).some((s) => s.snapshot.procs.some((p) => present.has(p.pid) && stopped(p)));
}

/** Signatures by fixture name (adapters/gvisor/known-divergences.ts). */
export const SIGNATURES: Record<string, Signature> = {
  // G1: a signal with a default action reaching the namespace init from inside it; Linux drops it.
  'gvisor-init-killed-by-own-sigkill': {
    reach: 'lasting',
    trigger: (step, s) => step.call === 'kill' && actsByDefault(s, 1, step.sig) && victims(step, s).some((p) => p.pid === 1),
    drift: (e, t) => looksLikeStateDrift(e) || namesFamilyOf(e, t, [1]),
  },
  // G2: setpgid(0|self, 0|self) by a session leader: Linux says EPERM, gVisor moves it.
  'gvisor-session-leader-setpgid': {
    reach: 'at-once',
    trigger: (step, s) => step.call === 'setpgid' && (step.target === 0 || step.target === step.pid)
      && s.snapshot.sessions.some((x) => x.leader === step.pid && x.sid === step.pid),
    shows: (e) => onlyAt(e, 'ret', 'errno') && actualOwn(e)?.ret === 0,
  },
  // G3: a successful setsid returns 0.
  'gvisor-setsid-returns-zero': {
    reach: 'at-once',
    trigger: (step) => step.call === 'setsid',
    shows: (e) => onlyAt(e, 'ret') && actualOwn(e)?.ret === 0 && e.expected[e.failure.step].observations[0].ret === e.steps[e.failure.step].pid,
  },
  // G4: a terminal stop signal, at its default, reaching a member (not init) of an orphaned group.
  'gvisor-orphaned-group-tty-stop': {
    reach: 'lasting',
    trigger: (step, s) => step.call === 'kill' && named(step.sig) && (prop(step.sig) & SA_TTYSTOP) !== 0
      && victims(step, s).some((p) => p.pid !== 1 && orphanedGroup(s.snapshot, p.pgid) && actsByDefault(s, p.pid, step.sig)),
    drift: (e, t) => looksLikeStateDrift(e) || namesFamilyOf(e, t, victims(e.steps[t], e.before[t]).map((p) => p.pid)),
  },
  // G5: CPU time in 10 ms units: every difference is a usage figure, and gVisor's are multiples of 10 ticks of 1 ms.
  'gvisor-cpu-time-in-10ms-units': {
    reach: 'at-once',
    trigger: () => true,
    shows: (e) => e.divergences.length > 0 && e.divergences.every((d) => d.field === 'rusage.utime' && typeof d.actual === 'number' && d.actual % 10 === 0),
  },
  // G6: a tree change (exit, reap, setpgid, setsid, kill) while a process is or was stopped, where
  // Linux hangs nobody up (else it is G17's ground): gVisor may hang up its group, so the group's
  // members (continued, or dead of the SIGHUP) answer differently.
  'gvisor-reap-hangs-up-orphaned-group': {
    reach: 'lasting',
    trigger: (step, _s, e, t) => ['exit', 'wait4', 'setpgid', 'setsid', 'kill'].includes(step.call) && stoppedSoFar(e, t) && orphanedWithStopped(e, t).length === 0,
    drift: (e, t) => looksLikeStateDrift(e) || namesGroupOfStopped(e, t),
  },
  // G8: a vfork child ends its vfork (exit, execve, killed) while its parent has a stop pending.
  'gvisor-stopped-vfork-parent-returns': {
    reach: 'at-once',
    trigger: (step, s) => ['exit', 'execve', 'kill'].includes(step.call)
      && s.snapshot.procs.some((p) => p.sleeping?.chan === 'ppwait' && p.pending.some((sig) => sig === 'SIGSTOP' || actsByDefault(s, p.pid, sig) && (prop(sig) & SA_TTYSTOP) !== 0)),
    shows: (e) => e.divergences.some((d) => d.field === 'observations.length' || d.observation > 0),
  },
  // G7: setsid by a process with a child is refused inside gVisor (it would wedge the sandbox).
  'gvisor-setsid-with-child-deadlocks': {
    reach: 'at-once',
    trigger: (step, s) => step.call === 'setsid' && (proc(s.snapshot, step.pid)?.children.length ?? 0) > 0,
    shows: (e) => e.failure.property === 'rejected' && e.failure.message.includes('setsid: unsupported'),
  },
  // G9: a blocking wait4 with __WCLONE that Linux answers ECHILD sleeps.
  'gvisor-blocking-wclone-wait-sleeps': {
    reach: 'at-once',
    trigger: (step) => step.call === 'wait4' && step.options.includes('WLINUXCLONE') && !step.options.includes('WNOHANG'),
    shows: (e) => onlyAt(e, 'kind', 'ret', 'errno') && actualOwn(e)?.kind === 'sleep' && e.expected[e.failure.step].observations[0].errno === 'ECHILD',
  },
  // G10: kill(-1) by a non-root process that finds only processes it may not signal: ESRCH.
  'gvisor-kill-all-unpermitted-fails': {
    reach: 'at-once',
    trigger: (step, s) => step.call === 'kill' && step.target === -1 && (proc(s.snapshot, step.pid)?.uid ?? 0) !== 0,
    shows: (e) => actualOwn(e)?.errno === 'ESRCH' && e.expected[e.failure.step].observations[0].ret === 0,
  },
  // G11: a process asleep in wait4 with SIGCHLD caught gets EINTR where Linux completes its wait.
  'gvisor-caught-sigchld-interrupts-completed-wait': {
    reach: 'at-once',
    trigger: (step, s) => ['exit', 'kill', 'execve'].includes(step.call)
      && s.snapshot.procs.some((p) => p.sleeping?.chan === 'wait' && p.sigchld.handler === 'catch'),
    shows: (e) => (e.actual[e.failure.step]?.observations ?? []).some((o, i) => i > 0 && o.call === 'wait4' && o.errno === 'EINTR'),
  },
  // G17: a group orphaned (with a stopped member) by an exit is not hung up, when init is in it: its processes live on.
  'gvisor-newly-orphaned-group-not-hung-up': {
    reach: 'lasting',
    trigger: (_step, _s, e, t) => orphanedWithStopped(e, t).includes(1),
    drift: (e) => looksLikeStateDrift(e) || e.before[e.failure.step].snapshot.procs.some((p) => p.pid === targetOf(e) && p.state === 'ZOMBIE'),
  },
  // G18: kill(0 or -pgid) reaching processes the caller may and may not signal: EPERM where Linux says 0.
  'gvisor-group-kill-last-error': {
    reach: 'at-once',
    trigger: (step, s) => step.call === 'kill' && (step.target === 0 || step.target < -1) && victims(step, s).length > 0,
    shows: (e) => onlyAt(e, 'ret', 'errno') && actualOwn(e)?.errno === 'EPERM' && e.expected[e.failure.step].observations[0].ret === 0,
  },
  // G12: wait4 with several children to report returns any one of them, not Linux's oldest first:
  // the caller's own wait4, or a sleeping one the step's deaths complete.
  // An earlier wait4 of the caller that failed with EFAULT reaped one unseen: it may have been another.
  'gvisor-wait-any-order': {
    reach: 'at-once',
    trigger: (step, s, e, t) => reportable(step, s.snapshot).length + reapedUnseen(e, t).length >= 2 || s.snapshot.procs.some((p) => p.sleeping?.chan === 'wait'),
    shows: (e) => {
      const t = e.failure.step;
      if (e.divergences.length === 0 || !e.divergences.every((d) => ['ret', 'status', 'rusage.utime', 'rusage'].includes(d.field))) return false;
      const at = e.divergences[0].observation;
      if (e.divergences.some((d) => d.observation !== at)) return false;
      const expected = e.expected[t].observations[at]?.ret ?? 0;
      const actual = e.actual[t]?.observations[at]?.ret ?? 0;
      const candidates = at === 0
        ? [...reportable(e.steps[t], e.before[t].snapshot), ...reapedUnseen(e, t)]
        : [expected, ...e.after.procs.filter((p) => p.ppid === e.expected[t].observations[at].pid && p.state === 'ZOMBIE').map((p) => p.pid)];
      const isWait = at === 0 ? e.steps[t].call === 'wait4' : e.expected[t].observations[at]?.call === 'wait4';
      // With EFAULT (the status copied out, then the fault) only the status tells which child it was.
      const unseen = at === 0 && actualOwn(e)?.errno === 'EFAULT' && e.expected[t].observations[0].errno === 'EFAULT' && e.divergences.every((d) => d.field === 'status');
      return isWait && candidates.length >= 2 && (unseen || (candidates.includes(actual) && candidates.includes(expected)));
    },
  },
  // G13: kill with an invalid signal number at a process the caller may not signal: EPERM, not EINVAL.
  'gvisor-kill-bad-signal-unpermitted': {
    reach: 'at-once',
    trigger: (step) => step.call === 'kill' && !named(step.sig) && step.sig !== 0,
    shows: (e) => onlyAt(e, 'errno') && actualOwn(e)?.errno === 'EPERM' && e.expected[e.failure.step].observations[0].errno === 'EINVAL',
  },
  // G14: setpgid on a child that has called execve: 0 where Linux says EACCES.
  'gvisor-setpgid-after-execve': {
    reach: 'at-once',
    trigger: (step) => step.call === 'setpgid' && step.target !== 0 && step.target !== step.pid,
    shows: (e) => onlyAt(e, 'ret', 'errno') && actualOwn(e)?.ret === 0 && e.expected[e.failure.step].observations[0].errno === 'EACCES',
  },
  // G15: fork (or a new thread) past RLIMIT_NPROC succeeds where Linux says EAGAIN.
  'gvisor-nproc-limit-not-enforced': {
    reach: 'at-once',
    trigger: (step) => step.call === 'fork' || step.call === 'vfork' || step.call === 'thr_new',
    shows: (e) => onlyAt(e, 'ret', 'errno') && actualOwn(e)?.errno === undefined && e.expected[e.failure.step].observations[0].errno === 'EAGAIN',
  },
  // G16: PT_TRACE_ME by a non-root process: EPERM where Linux says 0.
  'gvisor-trace-me-unprivileged': {
    reach: 'at-once',
    trigger: (step, s) => step.call === 'ptrace' && step.req === 'PT_TRACE_ME' && (proc(s.snapshot, step.pid)?.uid ?? 0) !== 0,
    shows: (e) => onlyAt(e, 'ret', 'errno') && actualOwn(e)?.errno === 'EPERM' && e.expected[e.failure.step].observations[0].ret === 0,
  },
  // G19: a WNOHANG __WCLONE wait for stops or continues counts a child's extra thread as a clone child: 0, not ECHILD.
  'gvisor-wclone-stop-wait-counts-threads': {
    reach: 'at-once',
    trigger: (step) => step.call === 'wait4' && step.options.includes('WLINUXCLONE') && step.options.includes('WNOHANG')
      && (step.options.includes('WUNTRACED') || step.options.includes('WCONTINUED')),
    shows: (e) => onlyAt(e, 'ret', 'errno') && actualOwn(e)?.ret === 0 && e.expected[e.failure.step].observations[0].errno === 'ECHILD',
  },
  // G20: a zombie traced by its SIGCHLD-ignoring parent outlives that parent's death in gVisor (init inherits it); Linux releases it.
  'gvisor-traced-zombie-kept-by-init': {
    reach: 'lasting',
    trigger: (_step, s, e, t) => releasedTracedZombies(s, (e.before[t + 1]?.snapshot ?? e.after)).length > 0,
  },
};

/**
 * Zombies of a parent that ignores SIGCHLD (on Linux such a zombie exists only because its parent
 * traced it) gone after a step in which that parent died: Linux released them.
 */
function releasedTracedZombies(s: StateBefore, after: Snapshot): number[] {
  const left = new Set(after.procs.map((p) => p.pid));
  const alive = new Set(after.procs.filter((p) => p.state === 'NORMAL').map((p) => p.pid));
  return s.snapshot.procs
    .filter((z) => z.state === 'ZOMBIE' && !left.has(z.pid) && !alive.has(z.ppid) && s.disposition(z.ppid, 'SIGCHLD') === 'SIG_IGN')
    .map((z) => z.pid);
}
