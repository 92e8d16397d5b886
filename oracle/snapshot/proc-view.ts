import { SA_FLAG_NAMES, type Handler, type ProcView, type SaFlag, type Sleep } from '../../interleaving';
import { PROC_FLAG_NAMES, PRS_NEW, PRS_ZOMBIE, PS_FLAG_NAMES } from '../kernel/flags';
import type { HandledRecord, Proc, SleepState } from '../kernel/proc';
import { SAF_NOCLDSTOP, SAF_NOCLDWAIT, SAF_NODEFER, SAF_RESETHAND, SAF_RESTART, SAF_SIGINFO, SIG_CATCH, SIG_IGN } from '../kernel/sigacts';
import { SIGCHLD, maskNames, sigBit, sigName } from '../signals/signal-ids';
import { pidsOf, samePids } from './pid-lists';
import { SharedByValue } from './shared-by-value';
import type { ViewEntry } from './view-table';

const SA_BIT: Record<SaFlag, number> = {
  SA_RESTART: SAF_RESTART, SA_NOCLDSTOP: SAF_NOCLDSTOP, SA_NOCLDWAIT: SAF_NOCLDWAIT, SA_SIGINFO: SAF_SIGINFO,
  SA_RESETHAND: SAF_RESETHAND, SA_NODEFER: SAF_NODEFER,
};

const bitNames = (table: readonly (readonly [number, string])[]) => (bits: number) => table.filter(([b]) => bits & b).map(([, n]) => n);
const flagNames = new SharedByValue(bitNames(PROC_FLAG_NAMES));
const psFlagNames = new SharedByValue(bitNames(PS_FLAG_NAMES));
const saFlagNames = new SharedByValue((bits) => SA_FLAG_NAMES.filter((f) => bits & SA_BIT[f]));
const signalNames = new SharedByValue(maskNames);
/** Usage records by utime: a running process's new view costs a lookup, not a frozen object. */
const usages = new SharedByValue((utime) => Object.freeze({ utime }));

function sleepView(s: SleepState | null): Sleep | null {
  if (s === null) return null;
  if (s.chan === 'ppwait') return Object.freeze({ chan: 'ppwait', step: s.step, child: s.child.pid });
  return Object.freeze({ chan: s.chan, step: s.step });
}

/** Whether the view `v` of a sleep shows `s`. */
function sleepShows(v: Sleep | null, s: SleepState | null): boolean {
  if (v === null || s === null) return v === s;
  return v.chan === s.chan && v.step === s.step && (s.chan !== 'ppwait' || (v as { child: number }).child === s.child.pid);
}

/** p_pending as the snapshot shows it: the plain mask, plus SIGCHLD while a child's record is queued. */
function pendingMask(p: Proc): number {
  return p.pending | (p.chldRecords.length ? sigBit(SIGCHLD) : 0);
}

/** Handler records are only ever appended (signal delivery), so an unchanged count is an unchanged list. */
function handledView(h: readonly HandledRecord[] | null, prev: ProcView | undefined): ProcView['handled'] {
  if (prev !== undefined && prev.handled.length === (h?.length ?? 0)) return prev.handled;
  return h === null ? [] : h.map((r) => Object.freeze({ ...r }));
}

/**
 * The model's view of one process (semantics.md §2): a frozen copy, shared between snapshots while it
 * holds. The parts `prev` (this process's last view) shows unchanged are its own frozen objects.
 */
export function procView(p: Proc, prev: ProcView | undefined): ProcView {
  const ps = p.sigacts;
  const a = ps.action[SIGCHLD];
  const handler: Handler = a === SIG_IGN ? 'SIG_IGN' : a === SIG_CATCH ? 'catch' : 'SIG_DFL';
  const saFlags = saFlagNames.of(ps.saFlags[SIGCHLD]) as SaFlag[];
  const same = prev?.sigchld.handler === handler && prev.sigchld.flags === saFlags;
  return Object.freeze({
    pid: p.pid,
    state: p.state === PRS_ZOMBIE ? 'ZOMBIE' : p.state === PRS_NEW ? 'NEW' : 'NORMAL',
    flags: flagNames.of(p.flag),
    ppid: p.pptr?.pid ?? 0,
    children: pidsOf(p.children, prev?.children),
    oppid: p.oppid,
    pgid: p.pgrp.id,
    sid: p.pgrp.session.sid,
    sigparent: p.sigparent === 0 ? 0 : sigName(p.sigparent),
    xstat: p.xstat,
    ksiQueuedAt: p.ksiQueuedAt?.pid ?? null,
    sigchld: same ? prev.sigchld : Object.freeze({ handler, flags: saFlags }),
    psFlags: psFlagNames.of(ps.psFlag),
    pending: signalNames.of(pendingMask(p)),
    blocked: signalNames.of(p.blocked),
    threads: p.threads,
    leader: p.leader.pid,
    peers: pidsOf(p.peers, prev?.peers),
    ru: usages.of(p.ru),
    cru: usages.of(p.cru),
    uid: p.uid,
    sleeping: prev !== undefined && sleepShows(prev.sleeping, p.sleep) ? prev.sleeping : sleepView(p.sleep),
    handled: handledView(p.handled, prev),
  } as ProcView);
}

/**
 * A process's last view, with the kernel values behind the parts of it that are names (flags,
 * masks, state, handler); the parts that are numbers and pid lists are compared with the view itself.
 * Keep `shows` beside procView: a field added there is compared here.
 */
export class ProcEntry implements ViewEntry<Proc, ProcView> {
  private view: ProcView;
  private state = 0;
  private flag = 0;
  private sigparent = 0;
  private action = 0;
  private saFlags = 0;
  private psFlag = 0;
  private pending = 0;
  private blocked = 0;

  constructor(readonly source: Proc) {
    this.record();
    this.view = procView(source, undefined);
  }

  current(): ProcView {
    if (!this.shows()) {
      this.record();
      this.view = procView(this.source, this.view);
    }
    return this.view;
  }

  private record(): void {
    const p = this.source;
    this.state = p.state;
    this.flag = p.flag;
    this.sigparent = p.sigparent;
    this.action = p.sigacts.action[SIGCHLD];
    this.saFlags = p.sigacts.saFlags[SIGCHLD];
    this.psFlag = p.sigacts.psFlag;
    this.pending = pendingMask(p);
    this.blocked = p.blocked;
  }

  /** Whether the last view still shows the process (the pid never changes). */
  private shows(): boolean {
    const p = this.source;
    const v = this.view;
    const ps = p.sigacts;
    return (
      p.state === this.state && p.flag === this.flag && p.sigparent === this.sigparent && ps.action[SIGCHLD] === this.action &&
      ps.saFlags[SIGCHLD] === this.saFlags && ps.psFlag === this.psFlag && pendingMask(p) === this.pending && p.blocked === this.blocked &&
      (p.pptr?.pid ?? 0) === v.ppid && p.oppid === v.oppid && p.pgrp.id === v.pgid && p.pgrp.session.sid === v.sid &&
      p.xstat === v.xstat && (p.ksiQueuedAt?.pid ?? null) === v.ksiQueuedAt && p.threads === v.threads && p.leader.pid === v.leader &&
      p.ru === v.ru.utime && p.cru === v.cru.utime && p.uid === v.uid && (p.handled?.length ?? 0) === v.handled.length &&
      sleepShows(v.sleeping, p.sleep) && samePids(p.children, v.children) && samePids(p.peers, v.peers)
    );
  }
}
