import type { ProcView, Sig, SignalName, Snapshot, Step } from '../../interleaving';
import { SA_IGNORE, SA_TTYSTOP, SIGPROP } from '../../oracle/signals/sigprop';
import { sigId } from '../../oracle/signals/signal-ids';
import { actualOwn, type Evidence, type StateBefore } from './evidence';

/**
 * How a known gVisor divergence is recognised in a failing run: a step that sets it off, judged on
 * the `linux` profile's state before that step, and how far its effect reaches.
 * - `at-once`: it shows at that very step, and only a first failure there that `shows` counts.
 * - `lasting`: it changes gVisor's process state silently (a process stopped or killed that Linux
 *   leaves alone), so any first failure from that step on is explained by it: after it the run's
 *   later steps are not comparable with the profile any more.
 */
export type Signature =
  | { reach: 'at-once'; trigger: (step: Step, s: StateBefore) => boolean; shows: (e: Evidence) => boolean }
  | { reach: 'lasting'; trigger: (step: Step, s: StateBefore) => boolean };

const proc = (snap: Snapshot, pid: number): ProcView | undefined => snap.procs.find((p) => p.pid === pid && p.state === 'NORMAL');
const named = (sig: Sig): sig is SignalName => typeof sig === 'string';
const prop = (sig: SignalName): number => SIGPROP[sigId(sig)];
const stopped = (p: ProcView): boolean => p.flags.includes('STOPPED_SIG') || p.flags.includes('STOPPED_TRACE');
const orphanedGroup = (snap: Snapshot, pgid: number): boolean => snap.pgrps.find((g) => g.pgid === pgid)?.jobc === 0;

/** The live processes a kill step reaches and may signal (one uid per process: root, or the same uid). */
function victims(step: Step, snap: Snapshot): ProcView[] {
  if (step.call !== 'kill') return [];
  const caller = proc(snap, step.pid);
  if (!caller) return [];
  const live = snap.procs.filter((p) => p.state === 'NORMAL');
  const reached = step.target > 0 ? live.filter((p) => p.pid === step.target)
    : step.target === 0 ? live.filter((p) => p.pgid === caller.pgid)
      : step.target === -1 ? live.filter((p) => p.pid !== 1 && p.pid !== caller.pid)
        : live.filter((p) => p.pgid === -step.target);
  return reached.filter((p) => caller.uid === 0 || caller.uid === p.uid);
}

/** A signal whose default action does something (terminate, core, stop), left at its default by `pid`. */
function actsByDefault(s: StateBefore, pid: number, sig: Sig): sig is SignalName {
  return named(sig) && (prop(sig) & SA_IGNORE) === 0 && s.disposition(pid, sig) === 'SIG_DFL';
}

const onlyAt = (e: Evidence, field: string): boolean => e.divergences.length > 0 && e.divergences.every((d) => d.observation === 0 && d.field === field);

/** Signatures by fixture name (adapters/gvisor/known-divergences.ts). */
export const SIGNATURES: Record<string, Signature> = {
  // G1: a signal with a default action reaching the namespace init from inside it; Linux drops it.
  'gvisor-init-killed-by-own-sigkill': {
    reach: 'lasting',
    trigger: (step, s) => step.call === 'kill' && actsByDefault(s, 1, step.sig) && victims(step, s.snapshot).some((p) => p.pid === 1),
  },
  // G2: setpgid(0|self, 0|self) by a session leader: Linux says EPERM, gVisor moves it.
  'gvisor-session-leader-setpgid': {
    reach: 'at-once',
    trigger: (step, s) => step.call === 'setpgid' && (step.target === 0 || step.target === step.pid)
      && s.snapshot.sessions.some((x) => x.leader === step.pid && x.sid === step.pid),
    shows: (e) => onlyAt(e, 'ret') && actualOwn(e)?.ret === 0,
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
      && victims(step, s.snapshot).some((p) => p.pid !== 1 && orphanedGroup(s.snapshot, p.pgid) && actsByDefault(s, p.pid, step.sig)),
  },
  // G5: CPU time in 10 ms units: every difference is a usage figure, and gVisor's are multiples of 10 ticks of 1 ms.
  'gvisor-cpu-time-in-10ms-units': {
    reach: 'at-once',
    trigger: () => true,
    shows: (e) => e.divergences.length > 0 && e.divergences.every((d) => d.field === 'rusage.utime' && typeof d.actual === 'number' && d.actual % 10 === 0),
  },
  // G6: a tree change (exit, reap, setpgid, a fatal kill) while an orphaned group has a stopped member: gVisor hangs it up again.
  'gvisor-reap-hangs-up-orphaned-group': {
    reach: 'at-once',
    trigger: (step, s) => ['exit', 'wait4', 'setpgid', 'setsid', 'kill'].includes(step.call)
      && s.snapshot.procs.some((p) => p.state === 'NORMAL' && stopped(p) && orphanedGroup(s.snapshot, p.pgid)),
    shows: (e) => e.divergences.length > 0,
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
    shows: (e) => onlyAt(e, 'kind') && actualOwn(e)?.kind === 'sleep' && e.expected[e.failure.step].observations[0].errno === 'ECHILD',
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
};
