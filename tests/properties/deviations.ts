import type { Observation, Snapshot, Step, StepResult } from '../../interleaving';
import type { Deviation } from './deviant';
import { own } from './deviant';

const isWait = (o: Observation) => o.call === 'wait4' || o.call === 'owait';
const nohangNothing = (step: Step, r: StepResult) => step.call === 'wait4' && own(r).kind === 'return' && own(r).ret === 0 && !own(r).errno;
const statusKind = (raw: number) => ((raw & 0x7f) === 0x7f ? 'stop' : raw === 0x13 ? 'continue' : 'exit');

/** Replays the waiter's last report of a kind when its WNOHANG wait finds nothing (the flag that stops repeats is ignored). */
function replayReport(kind: 'exit' | 'stop' | 'continue', still: (after: Snapshot, child: number) => boolean): Deviation['result'] {
  return (step, r, after, memo) => {
    const o = own(r);
    const key = `${kind}:${step.pid}`;
    if (isWait(o) && o.ret && o.ret > 0 && typeof o.status === 'number' && statusKind(o.status) === kind) memo.set(key, { ...o });
    const last = memo.get(key) as Observation | undefined;
    if (last && nohangNothing(step, r) && still(after, last.ret!)) r.observations[0] = { ...last, step: o.step };
    return r;
  };
}

const proc = (s: Snapshot, pid: number) => s.procs.find((p) => p.pid === pid);

/** One planted deviation per invariant of the catalogue. */
export const DEVIATIONS: readonly Deviation[] = [
  { invariant: 'parent-alive', what: 'the newest process names a parent that does not exist', snapshot: (s) => {
    const p = s.procs[s.procs.length - 1];
    if (p.pid !== 1) p.ppid = 999;
    return s;
  } },
  { invariant: 'zombie-childless', what: 'a zombie keeps a child', snapshot: (s) => {
    const z = s.procs.find((p) => p.state === 'ZOMBIE');
    if (z) z.children = [1];
    return s;
  } },
  { invariant: 'children-lists', what: "init's children list holds its first child twice", snapshot: (s) => {
    const init = s.procs[0];
    if (init.children.length) init.children.push(init.children[0]);
    return s;
  } },
  { invariant: 'reap-once', what: 'zombies vanish from the table before they are reaped', snapshot: (s) => ({ ...s, procs: s.procs.filter((p) => p.state !== 'ZOMBIE') }) },
  { invariant: 'exit-reports', what: 'a reaped exit is reported again', result: replayReport('exit', () => true) },
  { invariant: 'wait-selector', what: 'waitpid(pid) returns another child', result: (step, r, after) => {
    const o = own(r);
    if (step.call === 'wait4' && step.wpid > 0 && o.ret === step.wpid) {
      const other = proc(after, step.pid)?.children.find((c) => c !== step.wpid);
      if (other !== undefined) o.ret = other;
    }
    return r;
  } },
  { invariant: 'einval-first', what: 'unknown option bits give ECHILD', result: (_s, r) => {
    if (own(r).errno === 'EINVAL') own(r).errno = 'ECHILD';
    return r;
  } },
  { invariant: 'echild-exact', what: 'WNOHANG with nothing ready gives ECHILD', result: (step, r) => {
    if (nohangNothing(step, r)) r.observations[0] = { ...own(r), ret: undefined, status: undefined, errno: 'ECHILD' };
    return r;
  } },
  { invariant: 'wnohang-never-sleeps', what: 'WNOHANG with nothing ready sleeps', result: (step, r) => {
    if (nohangNothing(step, r)) r.observations[0] = { step: own(r).step, pid: step.pid, call: 'wait4', kind: 'sleep' };
    return r;
  } },
  { invariant: 'stop-reported-once', what: 'P_WAITED is ignored: a collected stop is reported again', result: replayReport('stop', (a, c) => {
    const p = proc(a, c);
    return !!p && p.flags.includes('STOPPED_SIG');
  }) },
  { invariant: 'continue-reported-once', what: 'P_CONTINUED is not cleared: a continue is reported again', result: replayReport('continue', (a, c) => {
    const p = proc(a, c);
    return !!p && p.state === 'NORMAL' && !p.flags.includes('STOPPED_SIG');
  }) },
  { invariant: 'report-needs-option', what: 'stops are reported without WUNTRACED', result: (step, r, after) => {
    if (!nohangNothing(step, r) || step.call !== 'wait4' || step.options.includes('WUNTRACED')) return r;
    const kid = proc(after, step.pid)?.children.map((c) => proc(after, c)!).find((k) => k.flags.includes('STOPPED_SIG') && !k.flags.includes('TRACED') && !k.flags.includes('WAITED'));
    if (kid) r.observations[0] = { ...own(r), ret: kid.pid, status: 0x117f };
    return r;
  } },
  { invariant: 'exit-status', what: 'wait reports the exit status off by one code', result: (_s, r) => {
    for (const o of r.observations) if (isWait(o) && o.ret && o.ret > 0 && typeof o.status === 'number' && statusKind(o.status) === 'exit') o.status ^= 0x100;
    return r;
  } },
  { invariant: 'pid-unique', what: 'the table lists the newest process twice', snapshot: (s) => ({ ...s, procs: [...s.procs, s.procs[s.procs.length - 1]] }) },
  { invariant: 'pgrp-session', what: 'the newest pgrp loses a member', snapshot: (s) => {
    s.pgrps[s.pgrps.length - 1].members.pop();
    return s;
  } },
  { invariant: 'proc-counts', what: 'nprocs drops at exit instead of at reap', snapshot: (s) => ({ ...s, nprocs: s.procs.filter((p) => p.state !== 'ZOMBIE').length }) },
  { invariant: 'sigchld-record', what: 'SIGCHLD records stay queued at init after a reparent', snapshot: (s) => {
    for (const p of s.procs) if (p.pid !== 1 && p.ppid !== 1 && p.ksiQueuedAt === null) p.ksiQueuedAt = 1;
    return s;
  } },
  { invariant: 'rusage-conservation', what: "reaping does not add the child's usage", snapshot: (s) => {
    for (const p of s.procs) p.cru = { utime: 0 };
    return s;
  } },
  { invariant: 'usage-reports', what: 'getrusage is one tick high', result: (step, r) => {
    const u = own(r).rusage;
    if (step.call === 'getrusage' && u && u !== 'unspecified') own(r).rusage = { utime: u.utime + 1 };
    return r;
  } },
  { invariant: 'md-hooks', what: 'vm_waitproc is never called', result: (_s, r) => ({ ...r, md: r.md?.filter((c) => c.hook !== 'vm_waitproc') }) },
  { invariant: 'sleeper-never-acts', what: 'sleepers are shown awake', snapshot: (s) => {
    for (const p of s.procs) p.sleeping = null;
    return s;
  } },
  { invariant: 'trace-state', what: 'tracing forgets oppid', snapshot: (s) => {
    for (const p of s.procs) if (p.pid !== 1 && p.flags.includes('TRACED')) p.oppid = 0;
    return s;
  } },
  { invariant: 'getppid-is-parent', what: 'getppid always says init', result: (step, r) => {
    if (step.call === 'getppid') own(r).ret = 1;
    return r;
  } },
  { invariant: 'init-reaps-all', what: "init's kill(-1, SIGKILL) kills nobody and its WNOHANG waits say ECHILD", intercept: (step, index) =>
    step.pid === 1 && step.call === 'kill' && step.target === -1 ? { observations: [{ step: index, pid: 1, call: 'kill', kind: 'return', ret: 0 }], log: [] } : null,
  result: (step, r) => {
    if (step.pid === 1 && nohangNothing(step, r)) r.observations[0] = { ...own(r), ret: undefined, status: undefined, errno: 'ECHILD' };
    return r;
  } },
];
