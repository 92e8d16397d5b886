import type { ProcView, Snapshot } from '../../interleaving';
import { hasFlag, isStopped, isTraced, procsByPid } from '../invariants/lib/procs';
import type { CoverageState } from './state';
import { stateOf } from './state';

const some = (s: Snapshot | null, f: (p: ProcView, all: Map<number, ProcView>) => boolean): boolean =>
  !!s && s.procs.some((p) => f(p, procsByPid(s)));

function depth(p: ProcView, all: Map<number, ProcView>): number {
  let d = 0;
  for (let q: ProcView | undefined = p; q && q.pid > 1 && d < 64; q = all.get(q.ppid)) d++;
  return d;
}

/** Tracer relations (the tracer is the parent; oppid names the real parent, §4 I4). */
function tracedBy(kind: 'parent' | 'sibling' | 'unrelated') {
  return (p: ProcView, all: Map<number, ProcView>) => {
    if (!isTraced(p)) return false;
    if (p.oppid === p.ppid) return kind === 'parent';
    return all.get(p.ppid)?.ppid === p.oppid ? kind === 'sibling' : kind === 'unrelated';
  };
}

const waitCall = (c: string) => c === 'wait4' || c === 'owait';

/** The states issue 3 asks the generators to reach often, in the order the coverage table lists them. */
export const COVERAGE_STATES: readonly CoverageState[] = [
  stateOf('tree depth >= 4', ({ after }) => some(after, (p, all) => depth(p, all) >= 4)),
  stateOf('2+ zombie children of one parent', ({ after }) =>
    some(after, (p, all) => p.children.filter((c) => all.get(c)?.state === 'ZOMBIE').length >= 2)),
  stateOf('stopped child (untraced)', ({ after }) => some(after, (p) => hasFlag(p, 'STOPPED_SIG') && !isTraced(p))),
  stateOf('continued child reported', ({ result, config }) =>
    result.observations.some((o) => waitCall(o.call) && o.status === (config.profile === 'linux' ? 0xffff : 0x13))),
  stateOf('traced by parent', ({ after }) => some(after, tracedBy('parent'))),
  stateOf('traced by sibling', ({ after }) => some(after, tracedBy('sibling'))),
  stateOf('traced by unrelated process', ({ after }) => some(after, tracedBy('unrelated'))),
  stateOf('debugger exits while tracing', ({ step, before }) =>
    (step.call === 'exit' || step.call === 'abort2') && some(before, (p) => isTraced(p) && p.ppid === step.pid)),
  stateOf('child exits under SIG_IGN parent', ({ step, before }) => exitUnder(step.pid, step.call, before, 'PS_CLDSIGIGN')),
  stateOf('child exits under SA_NOCLDWAIT parent', ({ step, before }) => exitUnder(step.pid, step.call, before, 'PS_NOCLDWAIT')),
  stateOf('orphaned pgrp with a stopped member', ({ after }) =>
    !!after && after.pgrps.some((g) => g.pgid !== 1 && g.jobc === 0 && g.members.some((m) => { const p = procsByPid(after).get(m); return !!p && isStopped(p); }))),
  stateOf('session leader with a terminal', ({ after }) => !!after && after.sessions.some((s) => s.tty && s.leader !== null && s.sid !== 1)),
  stateOf('session leader with a terminal exits', ({ step, before }) =>
    step.call === 'exit' && !!before && before.sessions.some((s) => s.tty && s.leader === step.pid)),
  stateOf('rfork peers', ({ after }) => some(after, (p) => p.peers.length > 0)),
  stateOf('multi-threaded process exits', ({ step, before }) => step.call === 'exit' && some(before, (p) => p.pid === step.pid && p.threads > 1)),
  stateOf('vfork parent asleep', ({ after }) => some(after, (p) => p.sleeping?.chan === 'ppwait')),
  stateOf('wait asleep', ({ after }) => some(after, (p) => p.sleeping?.chan === 'wait')),
  stateOf('rfork leader exits with live peers', ({ step, before }) => step.call === 'exit' && some(before, (p) => p.pid === step.pid && p.peers.length > 0)),
  stateOf('zombie handed back (give-back)', ({ before, after, result }) =>
    result.observations.some((o) => waitCall(o.call) && !!o.ret && o.ret > 0 && (before && procsByPid(before).get(o.ret)?.oppid) !== 0 &&
      !!after && procsByPid(after).get(o.ret)?.state === 'ZOMBIE')),
  stateOf('wait fails with EFAULT', ({ result }) => result.observations.some((o) => waitCall(o.call) && o.errno === 'EFAULT')),
  stateOf('fork fails with EAGAIN', ({ result }) => result.observations[0].errno === 'EAGAIN'),
  stateOf('SIGCHLD handler ran', ({ before, after }) =>
    some(after, (p) => p.handled.length > (before ? (procsByPid(before).get(p.pid)?.handled.length ?? 0) : 0))),
  {
    name: 'pid reused',
    start() {
      const used = new Set<number>();
      return ({ before, after }) => {
        if (!before || !after) return false;
        let reused = false;
        const had = procsByPid(before);
        for (const p of after.procs) {
          if (!had.has(p.pid) && used.has(p.pid)) reused = true;
          used.add(p.pid);
        }
        return reused;
      };
    },
  },
  {
    name: 'init reaped everyone (drain ends in ECHILD)',
    start() {
      let draining = false;
      return ({ step, result }) => {
        if (step.pid !== 1) draining = false;
        else if (step.call === 'kill' && step.target === -1) draining = true;
        return draining && waitCall(step.call) && result.observations[0].errno === 'ECHILD';
      };
    },
  },
];

function exitUnder(pid: number, call: string, before: Snapshot | null, flag: string): boolean {
  if ((call !== 'exit' && call !== 'abort2') || !before) return false;
  const all = procsByPid(before);
  const parent = all.get(all.get(pid)?.ppid ?? -1);
  return !!parent && parent.psFlags.includes(flag);
}
