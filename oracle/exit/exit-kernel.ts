import { StepRejected, type Observation, type Step, type StepOf } from '../../interleaving';
import {
  P_CONTROLT, P_HADTHREADS, P_PPWAIT, P_STOPPED, P_STOPPED_SIG, P_STOPPED_TRACE, P_TRACED, P_WAITED, P_WEXIT, PRS_ZOMBIE,
  PS_CLDSIGIGN, PS_NOCLDWAIT,
} from '../kernel/flags';
import { noreturn, slept } from '../kernel/observe';
import type { Pgrp, Proc } from '../kernel/proc';
import { INT32, requireInt } from '../kernel/step-args';
import { PtraceKernel } from '../ptrace/ptrace-kernel';
import { SIGABRT, SIGCHLD, SIGCONT, SIGHUP, SIGKILL } from '../signals/signal-ids';
import { abort2Message } from './abort2-message';

/**
 * exit1 and its callers (kern_exit.c:95-537, 548-614). Each block the seed opens with a comment is
 * one small method, named for what it does and citing its lines, so a variant can override one.
 * Blocks with no observable effect (X3, X5-X7, X9, X11-X15, X20-X22, X27, X35) are not modelled.
 */
export abstract class ExitKernel extends PtraceKernel {
  /** sys_exit (kern_exit.c:95-99): exit1(W_EXITCODE(rval, 0)). */
  sys_exit(p: Proc, a: StepOf<'exit'>): Observation {
    requireInt('exit', 'code', a.code, INT32); // exit(int)
    return this.exitObservation(p, a, a.code << 8);
  }

  /** abort2 (kern_exit.c:548-614): log why, then exit1 by SIGABRT, or SIGKILL if the call was improper. */
  sys_abort2(p: Proc, a: StepOf<'abort2'>): Observation {
    requireInt('abort2', 'nargs', a.nargs, INT32);
    if (a.why !== null && typeof a.why !== 'string') throw new StepRejected('abort2', 'why must be a string or null');
    if (a.args !== null && (!Array.isArray(a.args) || !a.args.every(Number.isSafeInteger))) {
      throw new StepRejected('abort2', 'args must be null or a list of integers');
    }
    const m = abort2Message({
      comm: p.comm, pid: p.pid, uid: p.uid, why: a.why, nargs: a.nargs, args: a.args,
      badWhy: a.badWhy === true, badArgs: a.badArgs === true,
    });
    this.logLine(m.line);
    return this.exitObservation(p, a, this.raw(m.sig === 'SIGABRT' ? SIGABRT : SIGKILL));
  }

  /** The caller's observation of exit1: gone, or asleep waiting for its peers (X8). */
  private exitObservation(p: Proc, a: Step, rv: number): Observation {
    this.exit1(p, rv, a);
    return p.sleep !== null ? slept(this.stepIndex, p.pid, a.call) : noreturn(this.stepIndex, p.pid, a.call);
  }

  override exit1(p: Proc, rv: number, call: Step | null): void {
    if (p === this.initproc) {
      this.initDied(rv);
      return;
    }
    this.singleThread(p);
    p.flag |= P_WEXIT; // kern_exit.c:182
    if (this.killPeers(p)) {
      p.sleep = { chan: 'exit1', step: this.stepIndex, call, rv };
      return;
    }
    this.exit1Tail(p, rv);
  }

  /** The leader's exit1 continues once its last peer is gone (kern_exit.c:217-218). */
  protected resumeExit1(p: Proc, rv: number, call: Step | null, step: number): void {
    if (p.peers.length > 0) return; // woken by something else: sleep on
    p.sleep = null;
    this.exit1Tail(p, rv);
    if (call !== null) this.observations.push(noreturn(step, p.pid, call.call));
  }

  /** exit1 from kern_exit.c:227 on. */
  protected exit1Tail(p: Proc, rv: number): void {
    this.untraceSelf(p);
    this.leavePeerList(p);
    this.machdep.vmspace_exit(p.pid); // kern_exit.c:288
    this.sessionLeaderExit(p);
    this.fixjobc(p, p.pgrp, false); // kern_exit.c:347
    this.moveToZombproc(p);
    this.machdep.cpu_exit(p.pid); // kern_exit.c:415
    if (this.profile.tracerExit === 'detach') this.detachTracees(p);
    this.reparentChildrenToInit(p);
    if (this.profile.orphanedGroups === 'after-reparent') this.killOrphanedPgrp(p.pgrp, p.pptr!, p);
    this.saveExitStatus(p, rv);
    if (this.profile.ignoredChildExit === 'to-init') this.handToInitIfParentIgnores(p);
    this.notifyParent(p);
    this.flushSignals(p);
    this.wakeParentAndBecomeZombie(p);
    this.collectChildUsage(p);
    this.finalThreadExit(p);
    if (this.profile.ignoredChildExit === 'autoreap' && p.tracer === null && this.ignoresChildren(p.pptr!)) this.reapZombie(p.pptr!, p, false);
  }

  /** kern_exit.c:124-128: init exiting panics the kernel; a Linux namespace init's exit ends the namespace (R16). */
  protected initDied(rv: number): void {
    if (this.profile.initExit === 'panic') {
      this.panicMessage = `init died (signal ${rv & 0x7f}, exit ${rv >> 8})\nGoing nowhere without my init!`;
      return;
    }
    this.panicMessage = 'the namespace init (pid 1) exited: Linux killed every process of the namespace';
    // zap_pid_ns_processes: every sleeper dies in its call.
    for (const q of this.procs.values()) {
      if (q.sleep !== null && q.sleep.call !== null) this.observations.push(noreturn(q.sleep.step, q.pid, q.sleep.call.call));
    }
  }

  /** Free a zombie; `accumulate` adds its usage to the reaper's children totals (Linux autoreap does not, R10). */
  protected abstract reapZombie(q: Proc, p: Proc, accumulate?: boolean): void;

  /** Whether SIGCHLD is SIG_IGN or SA_NOCLDWAIT in p (PS_CLDSIGIGN, PS_NOCLDWAIT). */
  protected ignoresChildren(p: Proc): boolean {
    return (p.sigacts.psFlag & (PS_NOCLDWAIT | PS_CLDSIGIGN)) !== 0;
  }

  /**
   * Linux exit_ptrace (R3-R5): every tracee is detached. A signal-delivery stop resumes; its signal
   * is dropped if the tracer's wait consumed it (exit_code 0), else delivered (found on the host:
   * an attach stop nobody waited for becomes a group stop). A group stop stays stopped (R4); a
   * zombie goes on to its real parent (R8), or, when the tracer is that parent and ignores
   * children, is released at once.
   */
  protected detachTracees(t: Proc): void {
    for (const q of t.ptraced.slice()) {
      this.unlinkTracer(q);
      const consumed = (q.flag & P_WAITED) !== 0;
      q.flag &= ~(P_TRACED | P_WAITED);
      if (q.state === PRS_ZOMBIE) {
        if (q.pptr !== t) this.notifyRealParent(q);
        else if (this.ignoresChildren(t)) this.reapZombie(t, q, false); // __ptrace_detach: released, not handed on
        continue;
      }
      if (q.flag & P_STOPPED && q.traceSig === 0 && !q.groupStopInEffect) {
        // A SIGCONT ended its group stop while it was traced (sigcontEndsTracedGroupStop): it runs on.
        q.flag &= ~(P_STOPPED_SIG | P_STOPPED_TRACE);
        this.thread_unsuspend(q);
        continue;
      }
      if (!(q.flag & P_STOPPED_TRACE)) continue;
      q.flag &= ~P_STOPPED_TRACE;
      if (q.traceSig !== 0) {
        q.xsig = consumed ? 0 : q.traceSig;
        q.flag &= ~P_STOPPED_SIG;
        this.thread_unsuspend(q);
        this.restopIfGroupStopped(q);
      }
    }
  }

  /**
   * Linux do_notify_parent for a zombie whose tracer let it go (R8): the real parent gets SIGCHLD
   * and a wakeup, or, ignoring children, the zombie is reaped at once (R10).
   */
  protected notifyRealParent(q: Proc): void {
    const pp = q.pptr!;
    if (!(pp.sigacts.psFlag & PS_CLDSIGIGN)) this.childproc_exited(q);
    this.wakeupParent(pp, q);
    if (this.ignoresChildren(pp)) this.reapZombie(pp, q, false);
  }

  /**
   * Linux kill_orphaned_pgrp (J1, §6): `pg` is left by `ignored` (the exiting process) or by the
   * link of an adopted child to `from`, its old parent. If `from` is in another group of the same
   * session, `pg` just became orphaned, and a member's group stop is in effect, every member gets SIGHUP and
   * SIGCONT. Parents are read as they are now, so the namespace init counts like any parent.
   */
  protected killOrphanedPgrp(pg: Pgrp, from: Proc, ignored: Proc | null): void {
    if (from.pgrp === pg || from.pgrp.session !== pg.session) return;
    const anchored = pg.members.some((m) => m !== ignored && m.state !== PRS_ZOMBIE && m.pptr !== null
      && m.pptr.pgrp !== pg && m.pptr.pgrp.session === pg.session);
    // has_stopped_jobs: SIGNAL_STOP_STOPPED, which a tracee keeps in a trap or resumed by its tracer.
    // An exiting member's signal flags are SIGNAL_GROUP_EXIT by now: its group stop no longer counts.
    if (anchored || !pg.members.some((m) => m.state !== PRS_ZOMBIE && !(m.flag & P_WEXIT) && m.groupStopInEffect)) return;
    for (const m of pg.members.slice()) {
      this.psignal(m, SIGHUP);
      this.psignal(m, SIGCONT);
    }
  }

  /** kern_exit.c:133-167: the other threads exit; only the first exiter's status counts. */
  protected singleThread(p: Proc): void {
    if (!(p.flag & P_HADTHREADS)) return;
    for (; p.threads > 1; p.threads--) {
      this.machdep.thread_exit(p.pid);
      this.machdep.cpu_thread_exit(p.pid);
    }
    this.releaseTids(p);
  }

  /** kern_exit.c:208-220: a task leader SIGKILLs its peers; true if it must sleep until they are gone. */
  protected killPeers(p: Proc): boolean {
    if (p !== p.leader) return false;
    for (const q of p.peers) this.psignal(q, SIGKILL);
    return p.peers.length > 0;
  }

  /** kern_exit.c:233-235: no longer traced, no longer a vfork child (the parent is woken at L512). */
  protected untraceSelf(p: Proc): void {
    p.flag &= ~(P_TRACED | P_PPWAIT);
  }

  /** kern_exit.c:278-286: leave the leader's peer list and wake the leader. */
  protected leavePeerList(p: Proc): void {
    const l = p.leader;
    if (l.peers.length === 0) return;
    const i = l.peers.indexOf(p);
    if (i >= 0) l.peers.splice(i, 1);
    this.wakeup(l);
  }

  /**
   * kern_exit.c:290-346: a session leader's exit: SIGHUP to the foreground members with P_CONTROLT,
   * revoke the terminal, forget the leader. Simplification: the output drain (ttywait) is instant.
   */
  protected sessionLeaderExit(p: Proc): void {
    const sp = p.pgrp.session;
    if (sp.leader !== p) return;
    if (sp.ttyvp) {
      const tp = sp.ttyp;
      if (tp !== null && tp.session === sp) {
        if (tp.pgrp !== null) this.pgsignal(tp.pgrp, SIGHUP, true);
        sp.ttyvp = false; // VOP_REVOKE
      }
      sp.ttyvp = false; // vrele; s_ttyp is kept on purpose (kern_exit.c:337-341)
    }
    sp.leader = null;
  }

  /** pgsignal: every member (with P_CONTROLT if `checkctty`). */
  pgsignal(pg: Pgrp, id: number, checkctty: boolean): void {
    for (const m of pg.members) if (!checkctty || m.flag & P_CONTROLT) this.psignal(m, id);
  }

  /** kern_exit.c:403-407: off allproc and the pid hash, onto zombproc; the pid stays taken. */
  protected moveToZombproc(p: Proc): void {
    this.allproc.splice(this.allproc.indexOf(p), 1);
    p.inHash = false;
  }

  /** kern_exit.c:422-440: every child goes to init, head first; traced ones are killed (E3). */
  protected reparentChildrenToInit(p: Proc): void {
    if (p.children.length === 0) return;
    // kern_exit.c:423-425: the only notice init gets for zombie children (E20); on Linux (R13) the
    // reaper hears only of adopted zombies, through their filtered notification (adoptedByReaper).
    if (this.profile.exitWakesWait === 'always') this.wakeup(this.initproc);
    for (const q of p.children.slice()) {
      this.proc_reparent(q, this.initproc);
      q.sigparent = SIGCHLD;
      if (this.profile.tracerExit === 'detach') this.adoptedByReaper(q);
      else if (q.flag & P_TRACED) this.orphanTracedChild(q);
      if (this.profile.orphanedGroups === 'after-reparent') this.killOrphanedPgrp(q.pgrp, p, null);
    }
  }

  /** Linux reparent_leader (R1): an untraced zombie is announced to its new parent (or reaped, R10). */
  private adoptedByReaper(q: Proc): void {
    if (q.state === PRS_ZOMBIE && q.tracer === null) this.notifyRealParent(q);
  }

  /** kern_exit.c:435-438: a tracee of an exiting debugger is untraced and SIGKILLed (Linux R3-R5 differ). */
  protected orphanTracedChild(q: Proc): void {
    q.flag &= ~(P_TRACED | P_STOPPED_TRACE);
    this.psignal(q, SIGKILL);
  }

  /** kern_exit.c:443-445: the status word, truncated to the 16-bit p_xstat. */
  protected saveExitStatus(p: Proc, rv: number): void {
    p.xstat = rv & 0xffff;
    this.emit({ kind: 'exit', pid: p.pid, xstat: p.xstat });
  }

  /**
   * kern_exit.c:458-482: a parent with PS_NOCLDWAIT or PS_CLDSIGIGN gets no zombie: it goes to init,
   * and the parent is woken only if it has no children left (E9, E10).
   */
  protected handToInitIfParentIgnores(p: Proc): void {
    const pp = p.pptr!;
    if (!(pp.sigacts.psFlag & (PS_NOCLDWAIT | PS_CLDSIGIGN))) return;
    this.proc_reparent(p, this.initproc);
    p.sigparent = SIGCHLD;
    if (this.profile.nocldwaitWakesParent === 'always' || pp.children.length === 0) this.wakeup(pp);
  }

  /** kern_exit.c:484-491: init gets a plain SIGCHLD; others the siginfo one, or the Linux-thread signal. */
  protected notifyParent(p: Proc): void {
    const pp = p.pptr!;
    if (p.tracer !== null && p.tracer !== pp) {
      this.psignal(p.tracer, SIGCHLD); // Linux R8: the tracer first; the parent when the tracer is done
      return;
    }
    if (this.profile.ignoredChildExit === 'autoreap' && pp.sigacts.psFlag & PS_CLDSIGIGN && p.tracer === null) return; // linux.md R10
    if (pp === this.initproc) this.psignal(pp, SIGCHLD);
    else if (p.sigparent !== 0) {
      if (p.sigparent === SIGCHLD) this.childproc_exited(p);
      else this.psignal(pp, p.sigparent);
    }
  }

  /** kern_exit.c:494-500: whatever is still pending for p is discarded. */
  protected flushSignals(p: Proc): void {
    this.sigqueue_delete(p, SIGCHLD);
    p.pending = 0;
  }

  /** kern_exit.c:502-518: wake the parent (and a vfork parent on the same channel), then ZOMBIE. */
  protected wakeParentAndBecomeZombie(p: Proc): void {
    if (p.tracer !== null && p.tracer !== p.pptr) {
      this.wakeupParent(p.tracer, p); // Linux R8
      if (p.pptr!.sleep?.chan === 'ppwait') this.wakeup(p.pptr!);
    } else this.wakeupParent(p.pptr!, p);
    this.machdep.sched_exit(p.pid); // kern_exit.c:514
    p.state = PRS_ZOMBIE;
  }

  /** kern_exit.c:526-529: the zombie's usage includes its reaped descendants. */
  protected collectChildUsage(p: Proc): void {
    p.ru += p.cru;
  }

  /** kern_exit.c:531-536: the last thread leaves (thread_exit calls cpu_thread_exit). */
  protected finalThreadExit(p: Proc): void {
    this.machdep.thread_exit(p.pid);
    this.machdep.cpu_thread_exit(p.pid);
  }
}
