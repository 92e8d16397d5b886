import { StepRejected, WAIT_OPTION_NAMES, UNSPECIFIED, type Observation, type StepOf } from '../../interleaving';
import { P_CONTINUED, P_PPWAIT, P_STATCHILD, P_STOPPED, P_STOPPED_SIG, P_TRACED, P_WAITED, PRS_NORMAL, PRS_ZOMBIE } from '../kernel/flags';
import { failed, returned, slept } from '../kernel/observe';
import type { Proc, SleepState } from '../kernel/proc';
import { INT32, requireInt, UINT32 } from '../kernel/step-args';
import { ExitKernel } from '../exit/exit-kernel';
import { SIGCHLD } from '../signals/signal-ids';
import { WAIT_SLEEPS, type WaitOutcome, type WaitResult } from './wait-result';

type WaitCall = StepOf<'wait4'> | StepOf<'owait'>;

/** Linux's selector for process group 1 (outside the 32-bit wpid range, so it is not WAIT_ANY). */
const GROUP_1 = -0x100000000;

/** kern_exit.c:681-685: WAIT_ANY, the pid, or the group -pid. */
export function selects(wpid: number, p: Proc): boolean {
  if (wpid === GROUP_1) return p.pgrp.id === 1;
  return wpid === -1 || p.pid === wpid || p.pgrp.id === -wpid;
}
const OPTION_NAMES = new Set<string>(WAIT_OPTION_NAMES);
const PTRS = new Set<string>(['valid', 'null', 'fault']);

function checkWait4(a: StepOf<'wait4'>): void {
  requireInt('wait4', 'wpid', a.wpid, INT32);
  if (!Array.isArray(a.options)) throw new StepRejected('wait4', 'options must be a list of W* names');
  for (const o of a.options) if (!OPTION_NAMES.has(o)) throw new StepRejected('wait4', `options: unknown option ${JSON.stringify(o)}`);
  if (a.extraBits !== undefined) requireInt('wait4', 'extraBits', a.extraBits, UINT32);
  if (!PTRS.has(a.status)) throw new StepRejected('wait4', `status must be valid, null or fault, got ${JSON.stringify(a.status)}`);
  if (!PTRS.has(a.rusage)) throw new StepRejected('wait4', `rusage must be valid, null or fault, got ${JSON.stringify(a.rusage)}`);
}

/** kern_wait, wait4 and owait (kern_exit.c:617-853), and the sleepers' wakeups. */
export abstract class WaitKernel extends ExitKernel {
  private readonly res: WaitResult = { error: null, ret: 0, status: null, rusage: null };

  sys_wait4(q: Proc, a: StepOf<'wait4'>): Observation {
    checkWait4(a);
    return this.doWait(q, a, this.stepIndex) ?? slept(this.stepIndex, q.pid, 'wait4');
  }

  /** owait (kern_exit.c:622-630): kern_wait(WAIT_ANY, &status, 0, NULL); the status in td_retval[1]. */
  sys_owait(q: Proc, a: StepOf<'owait'>): Observation {
    if (!this.profile.hasOwait) return failed(this.stepIndex, q.pid, 'owait', 'ENOSYS');
    return this.doWait(q, a, this.stepIndex) ?? slept(this.stepIndex, q.pid, 'owait');
  }

  /** One run of the call from its start (also after ERESTART); null when it went to sleep. */
  private doWait(q: Proc, a: WaitCall, step: number): Observation | null {
    let pid = -1;
    let options = 0;
    if (a.call === 'wait4') {
      pid = a.wpid;
      options = (a.extraBits ?? 0) >>> 0;
      for (const o of a.options) options |= this.profile.waitOptionBits[o] ?? 0;
    }
    const out = this.kern_wait(q, pid, options, a.call === 'wait4' && a.rusage !== 'null');
    if (out === WAIT_SLEEPS) {
      q.sleep = { chan: 'wait', step, call: a, wpid: pid === 0 ? this.ownGroupSelector(q) : pid, options };
      return null;
    }
    return this.waitObservation(q, a, step, out);
  }

  /** wait4's copyouts after kern_wait (kern_exit.c:647-651), or owait's second register. */
  private waitObservation(q: Proc, a: WaitCall, step: number, r: WaitResult): Observation {
    if (r.error !== null) return failed(step, q.pid, a.call, r.error);
    const o = returned(step, q.pid, a.call, r.ret);
    if (a.call === 'owait') {
      o.ret1 = r.status!;
      return o;
    }
    if (r.ret === 0 && !this.profile.wnohangCopiesOut) return o;
    if (a.status !== 'null') {
      if (a.status === 'fault') return failed(step, q.pid, 'wait4', 'EFAULT'); // the event is lost (E19)
      o.status = r.status ?? UNSPECIFIED;
    }
    if (a.rusage !== 'null') {
      if (a.rusage === 'fault') {
        const f = failed(step, q.pid, 'wait4', 'EFAULT');
        if (o.status !== undefined) f.status = o.status; // copied out before the rusage (kern_exit.c:647-650)
        return f;
      }
      o.rusage = r.rusage === null ? UNSPECIFIED : { utime: r.rusage };
    }
    return o;
  }

  /** kern_wait (kern_exit.c:654-853). */
  kern_wait(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    if (pid === 0) pid = this.ownGroupSelector(q); // kern_exit.c:664-668
    if ((options & ~this.profile.waitOptionMask) !== 0) return this.result('EINVAL', 0);
    if (pid === -0x80000000 && this.profile.intMinWpid === 'ESRCH') return this.result('ESRCH', 0); // linux.md W2
    return this.waitScan(q, pid, options, rusage);
  }

  /** The `loop:` of kern_wait (kern_exit.c:671-852), from clearing P_STATCHILD to the sleep. */
  protected waitScan(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    const bits = this.profile.waitOptionBits;
    q.flag &= ~P_STATCHILD;
    let nfound = 0;
    const ntraced = this.profile.attachReparents ? 0 : q.ptraced.length;
    const list = ntraced === 0 ? q.children : [...q.children, ...q.ptraced];
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (!selects(pid, p)) continue;
      if (!this.cloneSelectorAdmits(q, p, options, i >= q.children.length)) continue;
      nfound++;
      if (!this.profile.attachReparents) {
        const r = this.considerLinux(q, p, options, rusage);
        if (r !== null) return r;
        continue;
      }
      if (p.state === PRS_ZOMBIE) return this.reportZombie(q, p, rusage);
      if (p.flag & P_STOPPED_SIG && p.suspended && !(p.flag & P_WAITED) && (p.flag & P_TRACED || options & bits.WUNTRACED!)) {
        return this.reportStop(q, p, rusage);
      }
      if (options & bits.WCONTINUED! && p.flag & P_CONTINUED) return this.reportContinued(q, p, rusage);
    }
    if (nfound === 0) return this.result('ECHILD', 0);
    if (options & bits.WNOHANG!) return this.result(null, 0);
    // kern_exit.c:844-846 cannot fire here: nothing sets P_STATCHILD during the (atomic) scan.
    return WAIT_SLEEPS;
  }

  /** wait4(0)'s selector: -pgid (kern_exit.c:664-668), except that Linux's group 1 is not WAIT_ANY. */
  private ownGroupSelector(q: Proc): number {
    return q.pgrp.id === 1 && !this.profile.waitPid0InGroup1IsAny ? GROUP_1 : -q.pgrp.id;
  }

  /**
   * Linux wait_consider_task. A zombie traced by another is only its tracer's (R8); the tracer
   * sees every stop without WUNTRACED (T2), the real parent only group stops, from their own
   * record (T4); a tracer that is not the parent reports the zombie and lets it go (R8).
   */
  private considerLinux(q: Proc, p: Proc, options: number, rusage: boolean): WaitResult | null {
    const bits = this.profile.waitOptionBits;
    const asTracer = p.tracer === q;
    if (p.state === PRS_ZOMBIE) {
      if (p.tracer !== null && !asTracer) return null;
      return asTracer && p.pptr !== q ? this.reportTracedZombie(q, p, rusage) : this.reportZombie(q, p, rusage);
    }
    if (asTracer) {
      if (p.flag & P_STOPPED && p.suspended && !(p.flag & P_WAITED)) return this.reportStop(q, p, rusage);
    } else if (options & bits.WUNTRACED! && this.groupStopUnreported(p)) {
      p.groupStopWaited = true;
      this.emit({ kind: 'report', pid: p.pid, to: q.pid, what: 'stop' });
      return this.result(null, p.pid, ((p.groupStopSignal << 8) | 0x7f) & 0xffff, this.jobStateUsage(p, rusage));
    }
    if (options & bits.WCONTINUED! && p.flag & P_CONTINUED) return this.reportContinued(q, p, rusage);
    return null;
  }

  /**
   * Whether the real parent has a group stop of p to hear of (linux.md T4: read off the group-stop
   * record). Where that record outlives a tracer's resume (groupStopOutlivesTrace, Linux
   * SIGNAL_STOP_STOPPED and group_exit_code), it is reported even while the tracer runs p;
   * otherwise only while p sits in that stop.
   */
  private groupStopUnreported(p: Proc): boolean {
    if (!p.groupStopInEffect || p.groupStopWaited) return false;
    return this.profile.groupStopOutlivesTrace || ((p.flag & P_STOPPED_SIG) !== 0 && p.suspended && p.traceSig === 0);
  }

  /** Linux EXIT_TRACE (R8): the tracer gets pid, status and rusage, not the usage; then the parent is told. */
  private reportTracedZombie(q: Proc, p: Proc, rusage: boolean): WaitResult {
    const r = this.result(null, p.pid, p.xstat, rusage ? p.ru : null);
    this.emit({ kind: 'report', pid: p.pid, to: q.pid, what: 'exit' });
    this.unlinkTracer(p);
    this.notifyRealParent(p);
    return r;
  }

  /**
   * kern_exit.c:691-703: Linux threads only with WLINUXCLONE, processes only without. Linux (W6)
   * adds __WALL for both, and do_wait's second pass, over the tracees (newest first), takes them
   * whatever the selector.
   */
  protected cloneSelectorAdmits(q: Proc, p: Proc, options: number, traceePass = false): boolean {
    if (options & this.profile.waitAllBit) return true;
    if (this.profile.tracedAlwaysEligible && traceePass) return true;
    return (p.sigparent !== SIGCHLD) === ((options & this.profile.waitOptionBits.WLINUXCLONE!) !== 0);
  }

  private result(error: WaitResult['error'], ret: number, status: number | null = null, ru: number | null = null): WaitResult {
    const r = this.res;
    r.error = error;
    r.ret = ret;
    r.status = status;
    r.rusage = ru;
    return r;
  }

  /** kern_exit.c:707-797: report the zombie, then give it back or reap it. */
  protected reportZombie(q: Proc, p: Proc, rusage: boolean): WaitResult {
    const r = this.result(null, p.pid, p.xstat, rusage ? p.ru : null);
    this.withdrawSigchld(p);
    this.emit({ kind: 'report', pid: p.pid, to: q.pid, what: 'exit' });
    if (!this.giveBack(q, p)) this.reapZombie(q, p);
    return r;
  }

  /**
   * kern_exit.c:720-735: a child got by PT_ATTACH (oppid set) goes to whoever holds pid oppid now,
   * which may be the waiter itself (E4) or an unrelated process (E1); it gets SIGCHLD with the stale
   * record (E3) and a wakeup, and nothing is freed.
   */
  protected giveBack(q: Proc, p: Proc): boolean {
    if (p.oppid === 0) return false;
    if (this.profile.givebackWhen === 'oppid-differs' && p.oppid === q.pid) return false;
    const t = this.pfind(p.oppid);
    if (t === null) return false;
    p.oppid = 0;
    this.proc_reparent(p, t);
    this.emit({ kind: 'giveback', pid: p.pid, from: q.pid, to: t.pid });
    this.tdsignal(t, SIGCHLD, p);
    this.wakeup(t);
    return true;
  }

  /** kern_exit.c:737-796: free the zombie; its usage goes to the reaper's children totals. */
  protected reapZombie(q: Proc, p: Proc, accumulate = true): void {
    this.unlinkTracer(p); // Linux: a tracee reaped by its tracer-parent leaves the ptraced list too
    this.procs.delete(p.pid);
    q.children.splice(q.children.indexOf(p), 1);
    this.leavepgrp(p);
    p.xstat = 0;
    if (accumulate) q.cru += p.ru;
    this.chgproccnt(p.uid, -1);
    p.sigacts.refs--;
    this.machdep.thread_wait(p.pid);
    this.machdep.vm_waitproc(p.pid);
    this.nprocs--;
    this.emit({ kind: 'reap', pid: p.pid, by: q.pid, ticks: p.ru });
  }

  /** kern_exit.c:798-815: a stop, reported once (P_WAITED); rusage is not written (E5). */
  protected reportStop(q: Proc, p: Proc, rusage = false): WaitResult {
    p.flag |= P_WAITED;
    this.withdrawSigchld(p);
    this.emit({ kind: 'report', pid: p.pid, to: q.pid, what: 'stop' });
    return this.result(null, p.pid, ((p.xstat << 8) | 0x7f) & 0xffff, this.jobStateUsage(p, rusage));
  }

  /** kern_exit.c:817-830: a continue, reported once; the status is SIGCONT's word (E14). */
  protected reportContinued(q: Proc, p: Proc, rusage = false): WaitResult {
    p.flag &= ~P_CONTINUED;
    this.withdrawSigchld(p);
    this.emit({ kind: 'report', pid: p.pid, to: q.pid, what: 'continue' });
    return this.result(null, p.pid, this.profile.numbering.continuedStatus, this.jobStateUsage(p, rusage));
  }

  /** The rusage of a stop or continue report: none written (E5), or Linux's self+children (W12). */
  private jobStateUsage(p: Proc, rusage: boolean): number | null {
    return rusage && this.profile.stopReportsRusage ? p.ru + p.cru : null;
  }

  /** kern_exit.c:716, 813, 828: sigqueue_take of the child's record; Linux leaves SIGCHLD pending (R14). */
  private withdrawSigchld(p: Proc): void {
    if (this.profile.reportWithdrawsSigchld) this.sigqueue_take(p);
  }

  protected override restartWait(p: Proc, s: SleepState): void {
    const o = this.doWait(p, s.call as WaitCall, s.step);
    if (o !== null) this.observations.push(o);
  }

  protected override waitSelects(wpid: number, child: Proc): boolean {
    return selects(wpid, child);
  }

  protected override rescanWait(p: Proc, s: SleepState): boolean {
    if (s.chan !== 'wait') return false;
    const a = s.call as WaitCall;
    const out = this.waitScan(p, s.wpid, s.options, a.call === 'wait4' && a.rusage !== 'null');
    if (out === WAIT_SLEEPS) return false;
    this.observations.push(this.waitObservation(p, a, s.step, out));
    return true;
  }

  /** A woken wait's result: seen at once, or held until its pending signals are dealt with (waitReturnAfterSignals). */
  private completeWait(p: Proc, o: Observation): void {
    if (!this.profile.waitReturnAfterSignals) {
      this.observations.push(o);
      return;
    }
    p.heldReturn = o;
    p.heldByWait = true;
    this.queueAst(p);
  }

  protected override resumeSleeper(p: Proc): void {
    const s = p.sleep;
    if (s === null || p.state !== PRS_NORMAL) return;
    if (p.flag & P_STOPPED_SIG && p.suspended) {
      p.wakePending = true;
      return;
    }
    if (s.chan === 'wait') {
      p.sleep = null;
      const a = s.call as WaitCall;
      const out = this.waitScan(p, s.wpid, s.options, a.call === 'wait4' && a.rusage !== 'null');
      if (out === WAIT_SLEEPS) p.sleep = s;
      else this.completeWait(p, this.waitObservation(p, a, s.step, out));
    } else if (s.chan === 'ppwait') {
      if (s.child.flag & P_PPWAIT) return; // not our child's exec or exit: sleep on (E10)
      p.sleep = null;
      const o = returned(s.step, p.pid, s.call.call, s.child.pid);
      if (this.profile.vforkReturnAfterSignals) p.heldReturn = o;
      else this.observations.push(o);
      this.queueAst(p); // signals held back during the uninterruptible sleep
    } else {
      this.resumeExit1(p, s.rv, s.call, s.step);
    }
  }
}
