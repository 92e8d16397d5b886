import { SA_FLAG_NAMES, type Handler, type ProcView, type SaFlag, type Sleep } from '../../interleaving';
import { PROC_FLAG_NAMES, PRS_NEW, PRS_ZOMBIE, PS_FLAG_NAMES } from '../kernel/flags';
import type { Proc, SleepState } from '../kernel/proc';
import { SAF_NOCLDSTOP, SAF_NOCLDWAIT, SAF_NODEFER, SAF_RESETHAND, SAF_RESTART, SAF_SIGINFO, SIG_CATCH, SIG_IGN } from '../kernel/sigacts';
import { SIGCHLD, maskNames, sigBit, sigName } from '../signals/signal-ids';
import { NameLists } from './name-lists';
import type { Inputs } from './view-cache';

const SA_BIT: Record<SaFlag, number> = {
  SA_RESTART: SAF_RESTART, SA_NOCLDSTOP: SAF_NOCLDSTOP, SA_NOCLDWAIT: SAF_NOCLDWAIT, SA_SIGINFO: SAF_SIGINFO,
  SA_RESETHAND: SAF_RESETHAND, SA_NODEFER: SAF_NODEFER,
};

const bitNames = (table: readonly (readonly [number, string])[]) => (bits: number) => table.filter(([b]) => bits & b).map(([, n]) => n);
const flagNames = new NameLists(bitNames(PROC_FLAG_NAMES));
const psFlagNames = new NameLists(bitNames(PS_FLAG_NAMES));
const saFlagNames = new NameLists((bits) => SA_FLAG_NAMES.filter((f) => bits & SA_BIT[f]));
const signalNames = new NameLists(maskNames);

const SLEEP_CHANS = ['wait', 'ppwait', 'exit1'] as const;

function sleepView(s: SleepState | null): Sleep | null {
  if (s === null) return null;
  if (s.chan === 'ppwait') return { chan: 'ppwait', step: s.step, child: s.child.pid };
  return { chan: s.chan, step: s.step };
}

/** p_pending as the snapshot shows it: the plain mask, plus SIGCHLD while a child's record is queued. */
function pendingMask(p: Proc): number {
  return p.pending | (p.chldRecords.length ? sigBit(SIGCHLD) : 0);
}

/** The model's view of one process (semantics.md §2): a frozen copy, shared between snapshots while it holds. */
export function procView(p: Proc): ProcView {
  const ps = p.sigacts;
  const a = ps.action[SIGCHLD];
  const handler: Handler = a === SIG_IGN ? 'SIG_IGN' : a === SIG_CATCH ? 'catch' : 'SIG_DFL';
  return Object.freeze({
    pid: p.pid,
    state: p.state === PRS_ZOMBIE ? 'ZOMBIE' : p.state === PRS_NEW ? 'NEW' : 'NORMAL',
    flags: flagNames.of(p.flag),
    ppid: p.pptr?.pid ?? 0,
    children: p.children.map((c) => c.pid),
    oppid: p.oppid,
    pgid: p.pgrp.id,
    sid: p.pgrp.session.sid,
    sigparent: p.sigparent === 0 ? 0 : sigName(p.sigparent),
    xstat: p.xstat,
    ksiQueuedAt: p.ksiQueuedAt?.pid ?? null,
    sigchld: Object.freeze({ handler, flags: saFlagNames.of(ps.saFlags[SIGCHLD]) as SaFlag[] }),
    psFlags: psFlagNames.of(ps.psFlag),
    pending: signalNames.of(pendingMask(p)),
    blocked: signalNames.of(p.blocked),
    threads: p.threads,
    leader: p.leader.pid,
    peers: p.peers.map((q) => q.pid),
    ru: Object.freeze({ utime: p.ru }),
    cru: Object.freeze({ utime: p.cru }),
    uid: p.uid,
    sleeping: Object.freeze(sleepView(p.sleep)),
    handled: p.handled === null ? [] : p.handled.map((h) => Object.freeze({ ...h })),
  } as ProcView);
}

/**
 * Puts every number `procView` reads from `p` (lists as their length, then their pids): two
 * readings that agree give equal views. Keep it beside procView: a field added there is added here.
 * Handler records are only ever appended (signal delivery), so their count stands for them.
 */
export function procInputs(p: Proc, r: Inputs): void {
  const ps = p.sigacts;
  const s = p.sleep;
  r.put(p.pid).put(p.state).put(p.flag).put(p.pptr?.pid ?? 0).put(p.oppid).put(p.pgrp.id).put(p.pgrp.session.sid);
  r.put(p.sigparent).put(p.xstat).put(p.ksiQueuedAt?.pid ?? -1);
  r.put(ps.action[SIGCHLD]).put(ps.saFlags[SIGCHLD]).put(ps.psFlag).put(pendingMask(p)).put(p.blocked);
  r.put(p.threads).put(p.leader.pid).put(p.ru).put(p.cru).put(p.uid).put(p.handled?.length ?? 0);
  r.put(s === null ? -1 : SLEEP_CHANS.indexOf(s.chan)).put(s?.step ?? -1).put(s?.chan === 'ppwait' ? s.child.pid : -1);
  r.put(p.children.length);
  for (const c of p.children) r.put(c.pid);
  r.put(p.peers.length);
  for (const q of p.peers) r.put(q.pid);
}
