import { KernelState } from '../kernel/kernel-state';
import {
  CLD_CONTINUED, CLD_DUMPED, CLD_EXITED, CLD_KILLED, CLD_STOPPED, CLD_TRAPPED, P_CONTINUED, P_PPWAIT,
  P_STATCHILD, P_STOPPED, P_STOPPED_SIG, P_STOPPED_TRACE, P_TRACED, P_WAITED, P_WEXIT, PRS_ZOMBIE, PS_NOCLDSTOP,
} from '../kernel/flags';
import type { Proc } from '../kernel/proc';
import { SIG_CATCH, SIG_DFL, SIG_IGN } from '../kernel/sigacts';
import { SIGCHLD, SIGCONT, SIGKILL, sigBit, sigName } from './signal-ids';
import { SA_CONT, SA_IGNORE, SA_STOP, SA_TTYSTOP, SIGPROP, STOP_MASK } from './sigprop';

const SIG_HOLD = 3;

/**
 * Posting signals (kern_sig.c tdsignal/psignal, semantics.md §3.9.2), the SIGCHLD records of
 * children (§3.9.6) and stop bookkeeping (§3.9.4). What a signal does to a running or
 * interruptibly sleeping process happens at its next crossing, queued as an effect (§9.2).
 */
export abstract class SignalPostKernel extends KernelState {
  protected override sigchldId(): number {
    return SIGCHLD;
  }

  /** The profile's number for a signal id (status words, xstat). */
  raw(id: number): number {
    return this.profile.numbering.signo(sigName(id));
  }

  /** In the ignore set: SIG_IGN, or SIG_DFL with a default of ignoring (never SIGCONT). */
  isIgnored(p: Proc, id: number): boolean {
    const a = p.sigacts.action[id];
    return a === SIG_IGN || (a === SIG_DFL && (SIGPROP[id] & SA_IGNORE) !== 0 && id !== SIGCONT);
  }

  /** Pending ids as a mask (SIGCHLD is pending as a plain bit or through records). */
  pendingMask(p: Proc): number {
    return p.chldRecords.length ? p.pending | sigBit(SIGCHLD) : p.pending;
  }

  /** sigqueue_delete_proc(p, id): the signal and, for SIGCHLD, every record go. */
  sigqueue_delete(p: Proc, id: number): void {
    p.pending &= ~sigBit(id);
    if (id === SIGCHLD && p.chldRecords.length) {
      for (const c of p.chldRecords) c.ksiQueuedAt = null;
      p.chldRecords.length = 0;
    }
  }


  psignal(p: Proc, id: number): void {
    this.tdsignal(p, id, null);
  }

  /**
   * tdsignal(p, NULL, sig, ksi), semantics.md §3.9.2 in order. `record` is the child whose SIGCHLD
   * record is posted (sigparent, the give-back), or null for a plain signal.
   */
  tdsignal(p: Proc, id: number, record: Proc | null): void {
    if (p.state === PRS_ZOMBIE) return;
    if (this.profile.initDiscardsDefaultSignals && p.pid === 1 && p.sigacts.action[id] === SIG_DFL && !(p.blocked & sigBit(id))) return;
    // Linux (R15): a blocked signal is never ignored at posting; its disposition may change.
    if (this.isIgnored(p, id) && (this.profile.blockedIgnoredDiscarded || !(p.blocked & sigBit(id)))
      && !(this.goesToTracer(p) && id !== SIGKILL)) {
      if (id === SIGCONT && this.profile.ignoredSigcontContinues) this.continueIgnored(p);
      return;
    }
    const prop = SIGPROP[id];
    const bit = sigBit(id);
    const action = p.blocked & bit ? SIG_HOLD : p.sigacts.action[id];
    if (prop & SA_CONT) {
      if (this.profile.sigcontEndsTracedGroupStop && p.groupStopInEffect && p.flag & P_TRACED) this.continueTracee(p);
      this.dropStops(p);
    } else if (prop & SA_STOP) {
      if (prop & SA_TTYSTOP && this.orphanedForTtyStops(p) && action === SIG_DFL && !this.goesToTracer(p)
        && !(this.profile.ttyStopJudgedWhenTaken && this.takesSignalsLater(p))) return;
      this.sigqueue_delete(p, SIGCONT);
      if (p.flag & P_CONTINUED && this.profile.stopSignalEndsContinued) {
        p.flag &= ~P_CONTINUED;
        this.sigqueue_take(p);
      }
    }
    if (record !== null && id === SIGCHLD) {
      if (record.ksiQueuedAt === null) {
        p.chldRecords.push(record);
        record.ksiQueuedAt = p;
      }
    } else {
      p.pending |= bit;
    }
    if (action === SIG_HOLD && !(prop & SA_CONT && p.flag & P_STOPPED_SIG)) return;
    if (p.flag & P_STOPPED) {
      this.postToStopped(p, id, prop, action);
      return;
    }
    if (p.flag & P_TRACED || action === SIG_CATCH) {
      this.tdsigwakeup(p, id, prop, action);
      return;
    }
    if (prop & SA_STOP) {
      if (p.flag & P_PPWAIT && this.profile.vforkChildDefersStops) return;
      // Simplification: the seed's kernel marks P_STOPPED_SIG at once for a process in an
      // uninterruptible sleep and completes the stop when it wakes; the model defers both.
      if (this.takesSignalsLater(p) || p.flag & P_WEXIT) return;
      p.flag |= P_STOPPED_SIG;
      p.xstat = this.raw(id);
      p.suspended = false;
      this.sigqueue_delete(p, id);
      this.queueAst(p); // the stop completes at p's next crossing (semantics.md §9.2)
      return;
    }
    this.tdsigwakeup(p, id, prop, action);
  }

  /**
   * Linux (tracedNeverIgnores): a signal to a tracee is queued for its tracer to see, so posting
   * neither discards it as ignored or as an orphaned group's tty stop nor takes a default SIGCONT away.
   */
  private goesToTracer(p: Proc): boolean {
    return this.profile.tracedNeverIgnores && (p.flag & P_TRACED) !== 0;
  }

  /** Whether p is asleep where signals wait for the sleep to end (anything but a wait's interruptible sleep). */
  private takesSignalsLater(p: Proc): boolean {
    return p.sleep !== null && p.sleep.chan !== 'wait';
  }

  /** A SIGCONT's first effect (semantics.md §3.9.2 step 5): pending stop signals go, from both queues, and a group stop ends. */
  private dropStops(p: Proc): void {
    p.groupStopInEffect = false;
    p.stopDequeued = false;
    p.threadPending &= ~STOP_MASK;
    p.pending &= ~STOP_MASK; // stop signals are plain bits, never SIGCHLD records
  }

  /** Linux prepare_signal: SIGCONT ends a stop and drops pending stops even when it is then ignored. */
  private continueIgnored(p: Proc): void {
    this.dropStops(p);
    if (p.flag & P_STOPPED) this.postToStopped(p, SIGCONT, SIGPROP[SIGCONT], SIG_IGN);
  }

  /**
   * Linux prepare_signal on SIGNAL_STOP_STOPPED: SIGCONT ends a tracee's group stop, wherever it
   * is (a trace stop stays), so WCONTINUED reports it now; the parent hears at its next get_signal.
   */
  private continueTracee(p: Proc): void {
    p.flag |= P_CONTINUED;
    p.continueUnannounced = true;
    this.emit({ kind: 'continue', pid: p.pid });
  }

  /**
   * Linux get_signal's SIGNAL_CLD_MASK check, made each time it starts over (not on return from a
   * signal-delivery stop): CLD_CONTINUED to the parent, and to a tracer that is not the parent. A
   * pending SIGKILL has replaced the signal flags (complete_signal), so nobody hears of it.
   */
  protected announceContinued(p: Proc): void {
    if (!p.continueUnannounced) return;
    p.continueUnannounced = false;
    if (this.pendingMask(p) & sigBit(SIGKILL)) return;
    this.childproc_continued(p);
    if (p.tracer !== null && p.tracer !== p.pptr) this.notifyTracer(p, p.tracer);
  }

  /** The P_SHOULDSTOP branch of tdsignal. */
  private postToStopped(p: Proc, id: number, prop: number, action: number): void {
    if (p.flag & P_TRACED && !(id === SIGKILL && this.profile.sigkillBypassesTrace)) return; // waits for its debugger (E15)
    if (id === SIGKILL && p.flag & P_TRACED) {
      p.flag &= ~(P_STOPPED_SIG | P_STOPPED_TRACE); // Linux T5: a trace-stopped tracee dies at once
      p.traceSig = 0;
      this.thread_unsuspend(p);
      return;
    }
    if (id === SIGKILL) {
      p.flag &= ~P_STOPPED_SIG;
      this.thread_unsuspend(p);
      return;
    }
    if (prop & SA_CONT) {
      p.flag &= ~P_STOPPED_SIG;
      if (p.suspended) {
        p.flag |= P_CONTINUED;
        p.xstat = this.raw(SIGCONT);
        this.emit({ kind: 'continue', pid: p.pid });
        this.childproc_continued(p);
      }
      if (action === SIG_DFL) this.sigqueue_delete(p, id);
      this.thread_unsuspend(p);
      return;
    }
    if (prop & SA_STOP) {
      p.flag |= P_STOPPED_SIG;
      this.sigqueue_delete(p, id);
      return;
    }
    // Any other signal stays pending; an interrupted sleep is noticed when p resumes.
  }

  /** tdsigwakeup: an interruptible sleep is aborted (at p's next crossing); a default SIGCONT is not. */
  private tdsigwakeup(p: Proc, id: number, prop: number, action: number): void {
    const s = p.sleep;
    if (s !== null) {
      if (s.chan === 'ppwait' && id === SIGKILL && this.profile.vforkWaitKillable) {
        this.queueAst(p);
        return;
      }
      if (s.chan !== 'wait') return; // uninterruptible: noticed when the sleep ends
      // A tracee's default SIGCONT is queued for its tracer like any signal.
      if (prop & SA_CONT && action === SIG_DFL && !this.goesToTracer(p)) {
        this.sigqueue_delete(p, id);
        return;
      }
    }
    this.queueAst(p);
  }

  /**
   * Whether p's group is orphaned, so terminal stops are discarded: pg_jobc 0 (FreeBSD), or Linux's
   * is_current_pgrp_orphaned, read off the members' parents now (the namespace init counts, J1).
   */
  protected orphanedForTtyStops(p: Proc): boolean {
    const pg = p.pgrp;
    if (this.profile.orphanedGroups === 'jobc') return pg.jobc === 0;
    return !pg.members.some((m) => m.state !== PRS_ZOMBIE && m.pptr !== null && m.pptr.pgrp !== pg && m.pptr.pgrp.session === pg.session);
  }

  /** Linux: a detached tracee whose group stop is still in effect stops again, silently (no new report). */
  restopIfGroupStopped(p: Proc): void {
    if (!this.profile.groupStopOutlivesTrace || !p.groupStopInEffect || p.state === PRS_ZOMBIE) return;
    p.flag |= P_STOPPED_SIG;
    p.suspended = true;
    p.xstat = p.groupStopSignal; // a resume's data (sendsig) does not change the group stop's signal
  }

  /** thread_unsuspend: the stop is over; a sleeper resumes its sleep and rescans if it was woken. */
  thread_unsuspend(p: Proc): void {
    p.suspended = false;
    if (p.sleep !== null && p.wakePending) {
      p.wakePending = false;
      this.queueWake(p);
    }
    this.queueAst(p);
  }

  /** thread_stopped (semantics.md §3.9.4): the stop is complete. */
  thread_stopped(p: Proc): void {
    p.flag &= ~P_WAITED;
    const traced = (p.flag & P_TRACED) !== 0;
    this.emit({ kind: 'stop', pid: p.pid, sig: this.profile.numbering.signame(p.xstat) ?? 'SIGSTOP', traced });
    const t = p.tracer;
    if (p.traceSig === 0) {
      p.groupStopInEffect = true;
      p.groupStopSignal = p.xstat;
      // Linux: a completed group stop is what ends the continued state (SIGNAL_STOP_STOPPED).
      if (!this.profile.stopSignalEndsContinued) p.flag &= ~P_CONTINUED;
    }
    if (t === null || t === p.pptr) {
      if (p.traceSig === 0) p.groupStopWaited = false;
      this.childproc_stopped(p, traced ? CLD_TRAPPED : CLD_STOPPED);
      return;
    }
    // Linux T4: the tracer hears of every stop; the real parent only of a group stop.
    this.notifyTracer(p, t);
    if (p.traceSig === 0) {
      p.groupStopWaited = false;
      this.childproc_stopped(p, CLD_STOPPED);
    }
  }

  /** childproc_jobstate: P_STATCHILD and a wakeup always; SIGCHLD unless PS_NOCLDSTOP. */
  childproc_jobstate(p: Proc, reason: number, status: number): void {
    const parent = p.pptr;
    if (parent === null) return; // init's parent is proc0, outside the model
    parent.flag |= P_STATCHILD;
    this.wakeupParent(parent, p);
    if (this.cldstopSignals(parent)) this.sigparent(p, reason, status);
  }

  /**
   * Whether q is sent SIGCHLD for a child's stop or continue: not with SA_NOCLDSTOP, nor, where
   * tracees keep ignored signals (tracedNeverIgnores: Linux), with SIG_IGN, which Linux checks
   * before sending (elsewhere the posting discards it anyway).
   */
  private cldstopSignals(q: Proc): boolean {
    if (q.sigacts.psFlag & PS_NOCLDSTOP) return false;
    return !(this.profile.tracedNeverIgnores && q.sigacts.action[SIGCHLD] === SIG_IGN);
  }

  /** Linux do_notify_parent_cldstop to a tracer that is not the parent (T2, T4). */
  protected notifyTracer(p: Proc, t: Proc): void {
    t.flag |= P_STATCHILD;
    this.wakeupParent(t, p);
    if (this.cldstopSignals(t)) this.psignal(t, SIGCHLD);
  }

  childproc_stopped(p: Proc, reason: number): void {
    this.childproc_jobstate(p, reason, p.xstat);
  }

  childproc_continued(p: Proc): void {
    this.childproc_jobstate(p, CLD_CONTINUED, this.raw(SIGCONT));
  }

  /** childproc_exited: si_status is the whole wait status word (E6). */
  childproc_exited(p: Proc): void {
    const status = p.xstat;
    const low = status & 0x7f;
    const reason = status & 0x80 ? CLD_DUMPED : low !== 0 && low !== 0x7f ? CLD_KILLED : CLD_EXITED;
    this.sigparent(p, reason, status);
  }

  /** sigparent: refill the child's record; post it unless it is already queued (coalescing). */
  sigparent(p: Proc, reason: number, status: number): void {
    const k = p.ksi;
    k.code = reason;
    k.status = status;
    k.pid = p.pid;
    k.uid = p.uid;
    k.filled = true;
    if (p.ksiQueuedAt !== null) return;
    this.tdsignal(p.pptr!, SIGCHLD, p);
  }
}
