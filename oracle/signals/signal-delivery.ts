import { P_PPWAIT, P_STOPPED, P_STOPPED_SIG, P_STOPPED_TRACE, P_TRACED, P_WEXIT, PRS_NORMAL } from '../kernel/flags';
import { failed, noreturn } from '../kernel/observe';
import type { Proc, SleepState } from '../kernel/proc';
import { SAF_RESETHAND, SIG_CATCH, SIG_DFL, SIG_IGN } from '../kernel/sigacts';
import { SIGCHLD, SIGKILL, SIGSTOP, lowestSig, sigBit, sigName } from './signal-ids';
import { SignalPostKernel } from './signal-post';
import { SA_CORE, SA_IGNORE, SA_KILL, SA_STOP, SA_TTYSTOP, SIGPROP, STOP_MASK } from './sigprop';

/**
 * Delivery at a process's kernel crossing (kern_sig.c issignal/postsig/ptracestop/sigexit,
 * semantics.md §3.9.3-3.9.5), run as a deferred effect after the step that posted the signal.
 */
export abstract class SignalDeliveryKernel extends SignalPostKernel {
  /** Re-run an interrupted wait after ERESTART (the syscall restarts from its start). */
  protected abstract restartWait(p: Proc, s: SleepState): void;

  /** Linux W17: the woken wait rescans first; true when that gave its result (pushed as an observation). */
  protected abstract rescanWait(p: Proc, s: SleepState): boolean;

  protected override ast(p: Proc): void {
    if (p.state !== PRS_NORMAL || p.flag & P_WEXIT) return;
    if (p.flag & P_STOPPED) {
      if (!p.suspended) {
        if (this.profile.stopAbandonsWait && p.sleep?.chan === 'wait') this.abandonWait(p);
        p.suspended = true;
        this.thread_stopped(p);
      }
      return;
    }
    const s = p.sleep;
    if (s !== null) {
      if (s.chan === 'ppwait' && this.profile.vforkWaitKillable && this.pendingMask(p) & sigBit(SIGKILL)) {
        p.sleep = null; // Linux: the vfork parent dies in its wait
        p.restart = s;
        this.issignalLoop(p);
        this.finishInterruptedCall(p);
        return;
      }
      if (s.chan !== 'wait') return;
      const intr = this.interruptingSignal(p);
      if (intr === 0) return;
      p.sleep = null;
      if (this.profile.signalWakeRescans && p.sigacts.action[intr] === SIG_CATCH && !(p.flag & P_TRACED) && this.rescanWait(p, s)) {
        p.wakePending = false;
        this.issignalLoop(p);
        return;
      }
      p.wakePending = false;
      p.restart = s;
      if (this.profile.restartDecidedByHandler) leaveUndecided(p); // Linux: the first handler decides (postsig)
      else p.restartErrno = p.sigacts.sigintr & sigBit(intr) ? 'EINTR' : 'ERESTART';
    }
    this.issignalLoop(p);
    this.finishInterruptedCall(p);
    this.releaseHeldReturn(p);
  }

  /** Linux: the stop ends p's wait4 sleep with ERESTARTSYS; it restarts, or fails, once p runs again. */
  private abandonWait(p: Proc): void {
    p.restart = p.sleep;
    p.sleep = null;
    p.wakePending = false;
    leaveUndecided(p);
  }

  /**
   * The pending signal taken next: the lowest id (FreeBSD), or the lowest platform number (Linux),
   * from p's thread queue first where there is one (attachStopOnThreadQueue).
   */
  private nextSignal(p: Proc, mask: number): number {
    if ((mask & p.threadPending) !== 0) mask &= p.threadPending;
    if (!this.profile.deliveryByPlatformNumber) return lowestSig(mask);
    let best = 0;
    for (let m = mask; m !== 0; m &= m - 1) {
      const id = lowestSig(m);
      if (best === 0 || this.raw(id) < this.raw(best)) best = id;
    }
    return best;
  }

  /**
   * A held return. A vfork parent's: the host's puppet answers before it takes any signal it can
   * hold back, so only SIGSTOP (it stays held while p is stopped on it) and SIGKILL (no return) come
   * first. A wait's: every unblocked signal came first, so any stop holds it and any death ends it.
   */
  private releaseHeldReturn(p: Proc): void {
    const o = p.heldReturn;
    if (o === null) return;
    const alive = p.state === PRS_NORMAL && !(p.flag & P_WEXIT);
    const byWait = p.heldByWait;
    if (alive && p.flag & P_STOPPED && (byWait || p.xstat === this.raw(SIGSTOP))) return;
    p.heldReturn = null;
    p.heldByWait = false;
    const returns = alive || (!byWait && p.deathSignal !== SIGKILL);
    this.observations.push(returns ? o : noreturn(o.step, p.pid, o.call));
    if (alive && !byWait) this.queueAst(p); // the signals held back until the reply
  }

  /** The lowest pending signal that aborts an interruptible sleep (tdsigwakeup), or 0. */
  private interruptingSignal(p: Proc): number {
    let mask = this.pendingMask(p) & ~p.blocked;
    while (mask !== 0) {
      const id = lowestSig(mask);
      mask &= ~sigBit(id);
      const a = p.sigacts.action[id];
      if (p.flag & P_TRACED || a === SIG_CATCH || (a === SIG_DFL && SIGPROP[id] & SA_KILL)) return id;
    }
    return 0;
  }

  /** An interrupted wait returns EINTR, restarts, or ends with the process (noreturn). */
  private finishInterruptedCall(p: Proc): void {
    const r = p.restart;
    if (r === null) return;
    const call = r.call!.call;
    if (p.state !== PRS_NORMAL || p.flag & P_WEXIT) {
      p.restart = null;
      this.observations.push(noreturn(r.step, p.pid, call));
      return;
    }
    if (p.flag & P_STOPPED || p.sleep !== null) return; // finishes once p runs again
    p.restart = null;
    p.restartUndecided = false;
    if (p.restartErrno === 'EINTR') this.observations.push(failed(r.step, p.pid, call, 'EINTR'));
    else this.restartWait(p, r);
  }

  /** issignal + postsig until nothing is deliverable or p stops or dies. */
  private issignalLoop(p: Proc): void {
    if (p.traceSig === 0) this.announceContinued(p);
    else {
      const goOn = this.afterPtracestop(p);
      if (p.restopPending) this.restopAfterPassedSignal(p);
      if (!goOn) return;
    }
    for (;;) {
      if (p.state !== PRS_NORMAL || p.flag & (P_WEXIT | P_STOPPED)) return;
      let mask = this.pendingMask(p) & ~p.blocked;
      if (p.flag & P_PPWAIT && this.profile.vforkChildDefersStops) mask &= ~STOP_MASK; // wait for its exec or exit (E20)
      if (p.heldReturn !== null && !p.heldByWait) mask &= sigBit(SIGKILL) | sigBit(SIGSTOP); // the rest wait for the reply
      if (mask === 0) return;
      const id = this.profile.sigkillFirst && mask & sigBit(SIGKILL) ? SIGKILL : this.nextSignal(p, mask);
      p.threadPending &= ~sigBit(id); // dequeue_signal takes it off whichever queue held it
      if (p.flag & P_TRACED && !(p.flag & P_PPWAIT && this.profile.vforkChildDefersStops) && !(id === SIGKILL && this.profile.sigkillBypassesTrace)) {
        this.ptracestop(p, id);
        return;
      }
      if (!this.actOn(p, id)) return;
    }
  }

  /** Linux: the detach's passed-on signal was acted on; alive and not stopped by it, p's group stop resumes. */
  private restopAfterPassedSignal(p: Proc): void {
    p.restopPending = false;
    if (!(p.flag & (P_WEXIT | P_STOPPED))) this.restopIfGroupStopped(p); // a zombie has P_WEXIT
  }

  /**
   * ptracestop returned td_xsig (semantics.md §3.9.5): the debugger's data replaces the signal
   * (0 drops it); if p was untraced meanwhile it rescans. Returns whether to keep scanning.
   */
  private afterPtracestop(p: Proc): boolean {
    const sig = p.traceSig;
    const newsig = p.xsig;
    p.traceSig = 0;
    p.xsig = 0;
    if (this.profile.traceStopDequeues) {
      // Linux: the signal left the pending set at the stop; the tracer's choice comes back as a new one.
      if (newsig === 0) return true;
      if (SIGPROP[newsig] & SA_STOP && !p.stopDequeued) return true; // a SIGCONT since cancelled it
      p.pending |= sigBit(newsig);
      if (p.blocked & sigBit(newsig)) return true;
      return this.actOn(p, newsig); // acted on at once, even if the tracer has gone meanwhile
    }
    if (newsig !== sig) {
      this.takeOne(p, sig);
      if (newsig === 0) return true;
      p.pending |= sigBit(newsig);
      if (p.blocked & sigBit(newsig)) return true;
    }
    if (!(p.flag & P_TRACED)) return true;
    return this.actOn(p, newsig);
  }

  /** The disposition switch of issignal, then postsig. Returns false when p stopped or died. */
  private actOn(p: Proc, id: number): boolean {
    const action = p.sigacts.action[id];
    const prop = SIGPROP[id];
    if (action === SIG_IGN) {
      this.sigqueue_delete(p, id);
      return true;
    }
    if (action === SIG_CATCH) {
      this.postsig(p, id);
      return true;
    }
    if (p.pid <= 1) {
      this.sigqueue_delete(p, id); // no default actions for init
      return true;
    }
    if (prop & SA_STOP) {
      this.sigqueue_delete(p, id);
      if ((p.flag & P_TRACED && !this.profile.tracedStopSignalStops) || (prop & SA_TTYSTOP && this.orphanedForTtyStops(p))) return true;
      p.flag |= P_STOPPED_SIG;
      p.xstat = this.raw(id);
      p.suspended = true;
      this.thread_stopped(p);
      return false;
    }
    if (prop & SA_IGNORE) {
      this.sigqueue_delete(p, id);
      return true;
    }
    this.takeOne(p, id);
    this.sigexit(p, id);
    return false;
  }

  /** sigqueue_get: one instance (the oldest SIGCHLD record first). Returns that record's child. */
  private takeOne(p: Proc, id: number): Proc | null {
    if (id === SIGCHLD && p.chldRecords.length) {
      const c = p.chldRecords.shift()!;
      c.ksiQueuedAt = null;
      return c;
    }
    p.pending &= ~sigBit(id);
    return null;
  }

  /** postsig: the handler runs (the model's handlers return at once). */
  private postsig(p: Proc, id: number): void {
    if (p.restartUndecided) {
      p.restartUndecided = false;
      p.restartErrno = p.sigacts.sigintr & sigBit(id) ? 'EINTR' : 'ERESTART';
    }
    const c = this.takeOne(p, id);
    const sig = sigName(id);
    const rec = c === null ? { sig } : { sig, code: c.ksi.code, from: c.ksi.pid, status: c.ksi.status };
    (p.handled ??= []).push(rec);
    this.emit({ kind: 'handler', pid: p.pid, ...rec });
    if (p.sigacts.saFlags[id] & SAF_RESETHAND) p.sigacts.action[id] = SIG_DFL;
  }

  /**
   * sigexit: death by a default action. Simplification: a core dump always succeeds (WCOREFLAG for
   * SA_CORE signals); the optional kern.logsigexit line is not logged.
   */
  sigexit(p: Proc, id: number): void {
    const core = SIGPROP[id] & SA_CORE ? 0x80 : 0;
    p.deathSignal = id;
    this.exit1(p, this.raw(id) | core, null);
  }

  /** ptracestop: a trace stop on `id`; the debugger's data comes back as td_xsig. */
  ptracestop(p: Proc, id: number): void {
    if (this.profile.traceStopDequeues) {
      this.takeOne(p, id);
      p.stopDequeued = true;
    }
    p.traceSig = id;
    p.xsig = id;
    p.xstat = this.raw(id);
    p.flag |= P_STOPPED_SIG | P_STOPPED_TRACE;
    p.suspended = true;
    this.thread_stopped(p);
  }
}

/** Linux's ERESTARTSYS: the call restarts unless the first handler that runs lacks SA_RESTART (postsig decides). */
function leaveUndecided(p: Proc): void {
  p.restartErrno = 'ERESTART';
  p.restartUndecided = true;
}
