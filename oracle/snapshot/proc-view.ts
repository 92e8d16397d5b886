import { SA_FLAG_NAMES, type Handler, type ProcView, type Rusage, type SaFlag, type Sleep } from '../../interleaving';
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

/** The usage record of `utime`: the last view's own while it shows it. */
function usageOf(utime: number, last: Rusage | undefined): Rusage {
  return last?.utime === utime ? last : usages.of(utime);
}

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

/** A process's last view, with the kernel values its name fields (masks, handler) were built from. */
interface LastView {
  readonly view: ProcView;
  readonly flag: number;
  readonly action: number;
  readonly saFlags: number;
  readonly psFlag: number;
  readonly pending: number;
  readonly blocked: number;
}

/** The names of `bits`: the last view's own list while the bits are those it was built from. */
function namesOf<N>(lists: SharedByValue<N[]>, bits: number, was: number | undefined, last: N[] | undefined): N[] {
  return bits === was ? last! : lists.of(bits);
}

/**
 * The model's view of one process (semantics.md §2): a frozen copy, shared between snapshots while it
 * holds. The parts `last` (this process's last view) shows unchanged are its own objects.
 */
export function procView(p: Proc, last: LastView | undefined): ProcView {
  const prev = last?.view;
  const ps = p.sigacts;
  const a = ps.action[SIGCHLD];
  const saFlags = ps.saFlags[SIGCHLD];
  const handler: Handler = a === SIG_IGN ? 'SIG_IGN' : a === SIG_CATCH ? 'catch' : 'SIG_DFL';
  return Object.freeze({
    pid: p.pid,
    state: p.state === PRS_ZOMBIE ? 'ZOMBIE' : p.state === PRS_NEW ? 'NEW' : 'NORMAL',
    flags: namesOf(flagNames, p.flag, last?.flag, prev?.flags),
    ppid: p.pptr?.pid ?? 0,
    children: pidsOf(p.children, prev?.children),
    oppid: p.oppid,
    pgid: p.pgrp.id,
    sid: p.pgrp.session.sid,
    sigparent: p.sigparent === 0 ? 0 : sigName(p.sigparent),
    xstat: p.xstat,
    ksiQueuedAt: p.ksiQueuedAt?.pid ?? null,
    sigchld: last?.action === a && last.saFlags === saFlags ? prev!.sigchld : Object.freeze({ handler, flags: saFlagNames.of(saFlags) as SaFlag[] }),
    psFlags: namesOf(psFlagNames, ps.psFlag, last?.psFlag, prev?.psFlags),
    pending: namesOf(signalNames, pendingMask(p), last?.pending, prev?.pending),
    blocked: namesOf(signalNames, p.blocked, last?.blocked, prev?.blocked),
    threads: p.threads,
    leader: p.leader.pid,
    peers: pidsOf(p.peers, prev?.peers),
    ru: usageOf(p.ru, prev?.ru),
    cru: usageOf(p.cru, prev?.cru),
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
export class ProcEntry implements ViewEntry<Proc, ProcView>, LastView {
  view: ProcView;
  state = 0;
  flag = 0;
  sigparent = 0;
  action = 0;
  saFlags = 0;
  psFlag = 0;
  pending = 0;
  blocked = 0;

  constructor(readonly source: Proc) {
    this.view = procView(source, undefined);
    this.record();
  }

  current(): ProcView {
    if (!this.shows()) {
      this.view = procView(this.source, this);
      this.record();
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
