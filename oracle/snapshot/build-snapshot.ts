import { SA_FLAG_NAMES, type Handler, type ProcView, type SaFlag, type Sleep, type Snapshot } from '../../interleaving';
import { PROC_FLAG_NAMES, PRS_NEW, PRS_ZOMBIE, PS_FLAG_NAMES } from '../kernel/flags';
import type { KernelState } from '../kernel/kernel-state';
import type { Proc, SleepState } from '../kernel/proc';
import { SAF_NOCLDSTOP, SAF_NOCLDWAIT, SAF_NODEFER, SAF_RESETHAND, SAF_RESTART, SAF_SIGINFO, SIG_CATCH, SIG_IGN } from '../kernel/sigacts';
import { SIGCHLD, maskNames, sigBit, sigName } from '../signals/signal-ids';

const SA_BIT: Record<SaFlag, number> = {
  SA_RESTART: SAF_RESTART, SA_NOCLDSTOP: SAF_NOCLDSTOP, SA_NOCLDWAIT: SAF_NOCLDWAIT, SA_SIGINFO: SAF_SIGINFO,
  SA_RESETHAND: SAF_RESETHAND, SA_NODEFER: SAF_NODEFER,
};

function names(bits: number, table: readonly (readonly [number, string])[]): string[] {
  return table.filter(([b]) => bits & b).map(([, n]) => n);
}

function sleepView(s: SleepState | null): Sleep | null {
  if (s === null) return null;
  if (s.chan === 'ppwait') return { chan: 'ppwait', step: s.step, child: s.child.pid };
  return { chan: s.chan, step: s.step };
}

function procView(p: Proc): ProcView {
  const ps = p.sigacts;
  const a = ps.action[SIGCHLD];
  const handler: Handler = a === SIG_IGN ? 'SIG_IGN' : a === SIG_CATCH ? 'catch' : 'SIG_DFL';
  return {
    pid: p.pid,
    state: p.state === PRS_ZOMBIE ? 'ZOMBIE' : p.state === PRS_NEW ? 'NEW' : 'NORMAL',
    flags: names(p.flag, PROC_FLAG_NAMES),
    ppid: p.pptr?.pid ?? 0,
    children: p.children.map((c) => c.pid),
    oppid: p.oppid,
    pgid: p.pgrp.id,
    sid: p.pgrp.session.sid,
    sigparent: p.sigparent === 0 ? 0 : sigName(p.sigparent),
    xstat: p.xstat,
    ksiQueuedAt: p.ksiQueuedAt?.pid ?? null,
    sigchld: { handler, flags: SA_FLAG_NAMES.filter((f) => ps.saFlags[SIGCHLD] & SA_BIT[f]) },
    psFlags: names(ps.psFlag, PS_FLAG_NAMES),
    pending: maskNames(p.pending | (p.chldRecords.length ? sigBit(SIGCHLD) : 0)),
    blocked: maskNames(p.blocked),
    threads: p.threads,
    leader: p.leader.pid,
    peers: p.peers.map((q) => q.pid),
    ru: { utime: p.ru },
    cru: { utime: p.cru },
    uid: p.uid,
    sleeping: sleepView(p.sleep),
    handled: p.handled === null ? [] : p.handled.map((h) => ({ ...h })),
  };
}

/** The whole process table, sorted by pid / pgid / sid (semantics.md §2). */
export function buildSnapshot(k: KernelState): Snapshot {
  const byNumber = (x: number, y: number) => x - y;
  const procs = [...k.procs.values()].sort((x, y) => x.pid - y.pid).map(procView);
  const pgrps = [...k.pgrps.values()]
    .sort((x, y) => x.id - y.id)
    .map((g) => ({ pgid: g.id, sid: g.session.sid, members: g.members.map((m) => m.pid), jobc: g.jobc }));
  const sessions = [...k.sessions.values()]
    .sort((x, y) => x.sid - y.sid)
    .map((s) => ({
      sid: s.sid,
      leader: s.leader?.pid ?? null,
      tty: s.ttyvp,
      fg: s.ttyvp && s.ttyp !== null ? (s.ttyp.pgrp?.id ?? null) : null,
    }));
  const uidCounts: Record<number, number> = {};
  for (const uid of [...k.uidCounts.keys()].sort(byNumber)) uidCounts[uid] = k.uidCounts.get(uid)!;
  return { procs, pgrps, sessions, nprocs: k.nprocs, uidCounts, lastpid: k.lastpid, panic: k.panicMessage };
}
