import { PTRACE_REQUEST_NAMES, StepRejected, type ErrnoName, type Observation, type StepOf } from '../../interleaving';
import { P_STOPPED, P_STOPPED_SIG, P_STOPPED_TRACE, P_TRACED, P_WAITED, P_WEXIT, PRS_ZOMBIE } from '../kernel/flags';
import { failed, returned } from '../kernel/observe';
import type { Proc } from '../kernel/proc';
import { INT32, requireInt } from '../kernel/step-args';
import { ForkKernel } from '../fork/fork-kernel';
import { resolveSignal, UNNAMED } from '../signals/resolve-signal';
import { SIGCHLD, SIGKILL, SIGSTOP, sigBit } from '../signals/signal-ids';

const REQUESTS = new Set<string>(PTRACE_REQUEST_NAMES);

/**
 * ptrace(2) for PT_TRACE_ME, PT_ATTACH, PT_DETACH, PT_CONTINUE and PT_KILL (sys_process.c
 * kern_ptrace, semantics.md §3.8). The resume address is always 1 (§9.7).
 */
export abstract class PtraceKernel extends ForkKernel {
  /** p_candebug with uids only: oneself, root, or the same uid (unprivileged_proc_debug on). */
  p_candebug(td: Proc, p: Proc): boolean {
    if (td !== p && td.uid !== 0 && p.undumpable) return false; // Linux: a non-dumpable target needs CAP_SYS_PTRACE
    return td === p || td.uid === 0 || td.uid === p.uid;
  }

  sys_ptrace(td: Proc, a: StepOf<'ptrace'>): Observation {
    if (!REQUESTS.has(a.req)) throw new StepRejected('ptrace', `req: unknown request ${JSON.stringify(a.req)}`);
    if (a.req !== 'PT_TRACE_ME') requireInt('ptrace', 'target', a.target, INT32);
    const data = a.req === 'PT_CONTINUE' || a.req === 'PT_DETACH' ? resolveSignal(a.data, this.profile, 'ptrace', 'data') : 0;
    const err = this.kern_ptrace(td, a, data);
    return err === null ? returned(this.stepIndex, td.pid, 'ptrace', 0) : failed(this.stepIndex, td.pid, 'ptrace', err);
  }

  /** kern_ptrace: lookup, the common checks, the per-request checks, then the work. */
  private kern_ptrace(td: Proc, a: StepOf<'ptrace'>, data: number | 'EINVAL'): ErrnoName | null {
    const e = this.profile.ptraceErrno;
    const p = a.req === 'PT_TRACE_ME' ? td : this.pfind(a.target);
    if (p === null && a.req === 'PT_ATTACH' && this.threadOwner(a.target) !== null) return this.attachThread(td, a.target);
    if (a.req === 'PT_ATTACH' && p === null && this.procs.get(a.target)?.state === PRS_ZOMBIE) return e.attachZombie;
    if (p === null || p.flag & P_WEXIT) return 'ESRCH';
    // Linux checks permissions only to attach; any other request just needs to be the tracer (T8).
    const permitted = this.profile.attachReparents || a.req === 'PT_ATTACH' || a.req === 'PT_TRACE_ME';
    if (permitted && !this.p_candebug(td, p)) return 'EPERM';
    // Simplification: init is treated like a P_SYSTEM process (EINVAL): its parent, proc0, is not modelled.
    if (this.profile.attachReparents && a.req !== 'PT_TRACE_ME' && p === this.initproc) return 'EINVAL';
    // Linux lets root trace the namespace init; the model does not follow a stopped init.
    if (!this.profile.attachReparents && a.req === 'PT_ATTACH' && p === this.initproc) {
      throw new StepRejected('ptrace', 'unsupported: tracing the namespace init (pid 1)');
    }
    switch (a.req) {
      case 'PT_TRACE_ME':
        // Always legal on FreeBSD, even when already traced (E13); EPERM on Linux (T8).
        if (p.flag & P_TRACED && e.traceMeTraced !== null) return e.traceMeTraced;
        if (this.profile.traceMeNeedsRights && p.pptr !== null && p.pptr.uid !== 0 && p.uid === 0) return 'EPERM';
        if (!this.profile.attachReparents && p.pptr === null) {
          // Linux would make the namespace init a tracee of the harness outside the namespace.
          throw new StepRejected('ptrace', 'unsupported: PT_TRACE_ME by init, whose parent is outside the model');
        }
        p.flag |= P_TRACED;
        if (this.profile.attachReparents) p.oppid = p.pptr?.pid ?? 0;
        else this.linkTracer(p.pptr!, p);
        return null;
      case 'PT_ATTACH':
        if (p === td) return e.attachSelf;
        if (p.flag & P_TRACED) return e.attachTraced;
        if (this.profile.attachChecksAncestor && td.flag & P_TRACED && this.isAncestor(p, td)) return e.attachAncestor;
        p.flag |= P_TRACED;
        if (this.profile.attachReparents) p.oppid = p.pptr!.pid;
        this.attachTakesTracee(td, p);
        this.attachStops(p);
        return null;
      default:
        if (!(p.flag & P_TRACED)) return e.notTraced;
        if (this.tracerOf(p) !== td) return e.notOurTracee;
        if (a.req === 'PT_KILL' && this.profile.killRequestAnyState) {
          this.psignal(p, SIGKILL); // Linux: PTRACE_KILL sends SIGKILL whatever the state (kernel/ptrace.c)
          return null;
        }
        if (!(p.flag & P_STOPPED) || !p.suspended) return e.notStopped;
        if (this.profile.resumeNeedsWaitedStop && !(p.flag & P_WAITED)) return e.notStopped;
        // Simplification: the one-time console message "P_STOPPED_TRACE not set." is not logged.
        if (a.req === 'PT_KILL') {
          this.sendsig(p, SIGKILL);
          return null;
        }
        if (data === 'EINVAL') return e.badResumeSignal;
        if (a.req === 'PT_DETACH') this.ptraceDetach(p);
        // Simplification: a number with no signal name is delivered as no signal.
        this.sendsig(p, data === UNNAMED ? 0 : data);
        // Linux: a signal passed on is acted on first (ptrace_signal returns it before get_signal's
        // JOBCTL_STOP_PENDING check); with none, the group stop resumes at once.
        if (a.req === 'PT_DETACH') {
          if (p.xsig !== 0 && this.profile.groupStopOutlivesTrace) p.restopPending = true;
          else this.restopIfGroupStopped(p);
        }
        return null;
    }
  }

  /** Whether `p` is found walking td's p_pptr chain (bounded: the kernel could loop on a cycle). */
  private isAncestor(p: Proc, td: Proc): boolean {
    let n = 0;
    for (let q = td.pptr; q !== null && n <= this.procs.size; q = q.pptr, n++) if (q === p) return true;
    return false;
  }

  /**
   * Linux PT_ATTACH to a thread id: one's own thread is EPERM (same_thread_group); another
   * process's thread would be traced alone, which the model (one caller per process) cannot follow.
   * Other requests find the thread untraced (ESRCH), as pfind's miss gives.
   */
  private attachThread(td: Proc, tid: number): ErrnoName {
    if (this.threadOwner(tid) === td) return this.profile.ptraceErrno.attachSelf;
    throw new StepRejected('ptrace', `unsupported: PT_ATTACH to thread ${tid} of another process (threads are not traced alone in the model)`);
  }

  /** PT_ATTACH moves the tracee into the debugger's children (E2, E8; Linux keeps it, R6/T1). */
  protected attachTakesTracee(td: Proc, p: Proc): void {
    if (!this.profile.attachReparents) this.linkTracer(td, p);
    else if (p.pptr !== td) this.proc_reparent(p, td);
  }

  /**
   * The attach's SIGSTOP. FreeBSD's sendsig resumes a stopped target (E11). Linux re-traps a
   * group-stopped one (T3): it stays in its group stop, now a trap its tracer can wait for, and the
   * SIGSTOP stays pending until it runs again; a detach leaves the group stop in place (R4).
   */
  protected attachStops(p: Proc): void {
    if (this.profile.attachStopOnThreadQueue) p.threadPending |= sigBit(SIGSTOP);
    if (this.profile.attachReparents || !(p.flag & P_STOPPED_SIG) || !p.suspended) {
      this.sendsig(p, SIGSTOP);
      return;
    }
    p.flag |= P_STOPPED_TRACE;
    p.flag &= ~P_WAITED;
    p.pending |= sigBit(SIGSTOP); // the trap reports the group stop's own signal (xstat is kept)
    this.notifyTracer(p, p.tracer!); // the trap reports CLD_TRAPPED to the tracer
  }

  /** Linux (R6, T1): the tracer link, beside the real parent. */
  private linkTracer(t: Proc, p: Proc): void {
    p.tracer = t;
    t.ptraced.unshift(p); // list_add: newest first
  }

  /** Linux: the tracer link goes; the tracee is its real parent's child throughout (R3-R6). */
  protected unlinkTracer(p: Proc): void {
    const t = p.tracer;
    if (t === null) return;
    t.ptraced.splice(t.ptraced.indexOf(p), 1);
    p.tracer = null;
  }

  /** Who may wait for and resume a traced p: its parent (FreeBSD, after the attach reparent) or its tracer (Linux). */
  tracerOf(p: Proc): Proc | null {
    if (!this.profile.attachReparents) return p.tracer;
    return p.flag & P_TRACED ? p.pptr : null;
  }

  /** PT_DETACH before sendsig: back to pfind(oppid), or init if nothing holds that pid (E1). */
  protected ptraceDetach(p: Proc): void {
    if (!this.profile.attachReparents) {
      this.unlinkTracer(p);
      p.flag &= ~(P_TRACED | P_WAITED);
      return;
    }
    if (p.oppid !== p.pptr!.pid) {
      this.sigqueue_take(p);
      const pp = this.pfind(p.oppid) ?? this.initproc;
      this.proc_reparent(p, pp);
      if (pp === this.initproc) p.sigparent = SIGCHLD;
    }
    p.flag &= ~(P_TRACED | P_WAITED);
    p.oppid = 0;
  }

  /**
   * The common sendsig step: a stopped target resumes with td_xsig = data (a job-control stop does
   * not consume it, E11); a running one is sent the signal. No P_CONTINUED, no CLD_CONTINUED.
   */
  sendsig(p: Proc, data: number): void {
    p.xstat = data === 0 ? 0 : this.raw(data);
    if (p.flag & (P_STOPPED_SIG | P_STOPPED_TRACE)) {
      if (p.traceSig !== 0) p.xsig = data;
      p.flag &= ~(P_STOPPED_TRACE | P_STOPPED_SIG | P_WAITED);
      this.thread_unsuspend(p);
    } else if (data !== 0) {
      this.psignal(p, data);
    }
  }
}
