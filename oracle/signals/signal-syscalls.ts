import { SA_FLAG_NAMES, SIGNAL_NAMES, StepRejected, type Observation, type SaFlag, type StepOf } from '../../interleaving';
import { PRS_NEW, PS_CLDSIGIGN, PS_NOCLDSTOP, PS_NOCLDWAIT } from '../kernel/flags';
import { failed, returned } from '../kernel/observe';
import type { Proc } from '../kernel/proc';
import {
  SAF_NOCLDSTOP, SAF_NOCLDWAIT, SAF_NODEFER, SAF_RESETHAND, SAF_RESTART, SAF_SIGINFO, SIG_CATCH, SIG_DFL, SIG_IGN,
} from '../kernel/sigacts';
import { INT32, requireInt } from '../kernel/step-args';
import { resolveSignal, UNNAMED } from './resolve-signal';
import { NSIG_NAMED, SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, SIGTHR, UNBLOCKABLE, maskNames, sigBit, sigId } from './signal-ids';
import { SignalDeliveryKernel } from './signal-delivery';
import { SA_IGNORE, SIGPROP } from './sigprop';

const SA_BITS: Record<SaFlag, number> = {
  SA_RESTART: SAF_RESTART,
  SA_NOCLDSTOP: SAF_NOCLDSTOP,
  SA_NOCLDWAIT: SAF_NOCLDWAIT,
  SA_SIGINFO: SAF_SIGINFO,
  SA_RESETHAND: SAF_RESETHAND,
  SA_NODEFER: SAF_NODEFER,
};
const SA_NAMES = new Set<string>(SA_FLAG_NAMES);
const SIGNAL_NAME_SET = new Set<string>(SIGNAL_NAMES);

/** kill(2), sigaction, sigprocmask, sigpending and exec's signal reset (semantics.md §3.9.1, §3.10). */
export abstract class SignalSyscallKernel extends SignalDeliveryKernel {
  /** p_cansignal with uids only (semantics.md §3.9.1). */
  p_cansignal(td: Proc, p: Proc, id: number): boolean {
    if (td === p) return true;
    if (id === SIGCONT && td.pgrp.session === p.pgrp.session) return true;
    if (id >= SIGTHR && id <= SIGTHR + 3 && td.leader === p.leader) return true;
    return td.uid === 0 || td.uid === p.uid;
  }

  /** kill(pid > 0)'s target: any process holding the pid, or (Linux) the process of a thread id. */
  private killTarget(pid: number): Proc | null {
    return this.pfindOrZombie(pid) ?? this.threadOwner(pid);
  }

  sys_kill(td: Proc, a: StepOf<'kill'>): Observation {
    requireInt('kill', 'target', a.target, INT32);
    const id = resolveSignal(a.sig, this.profile, 'kill', 'sig');
    const step = this.stepIndex;
    if (id === 'EINVAL') {
      const others = () => [...this.procs.values()].some((p) => p.pid > 1 && p !== td);
      const missing = this.profile.killFindsTargetFirst && (a.target > 0 ? this.killTarget(a.target) === null
        : a.target === -1 ? !others() : a.target < -1 && this.pgfind(-a.target) === null);
      return failed(step, td.pid, 'kill', missing ? 'ESRCH' : 'EINVAL');
    }
    if (a.target > 0) {
      const p = this.killTarget(a.target);
      if (p === null) return failed(step, td.pid, 'kill', 'ESRCH');
      if (!this.p_cansignal(td, p, id)) return failed(step, td.pid, 'kill', 'EPERM');
      if (id > 0) this.psignal(p, id);
      return returned(step, td.pid, 'kill', 0);
    }
    const err = this.killpg1(td, id, a.target);
    return err === null ? returned(step, td.pid, 'kill', 0) : failed(step, td.pid, 'kill', err);
  }

  /**
   * killpg1: every process (-1) or a process group; ESRCH when nobody could be signalled. Linux
   * (killCountsUnpermitted) succeeds for -1 when anyone was a candidate, and gives EPERM for a group
   * whose members it may not signal.
   */
  private killpg1(td: Proc, id: number, target: number): 'ESRCH' | 'EPERM' | null {
    let nfound = 0;
    let candidates = 0;
    const post = (p: Proc) => {
      candidates++;
      if (!this.p_cansignal(td, p, id)) return;
      nfound++;
      if (id > 0) this.psignal(p, id);
    };
    const result = (): 'ESRCH' | 'EPERM' | null => {
      if (nfound > 0) return null;
      if (!this.profile.killCountsUnpermitted || candidates === 0) return 'ESRCH';
      return target === -1 ? null : 'EPERM';
    };
    if (target === -1) {
      for (const p of this.profile.killAllOrder === 'newest-first' ? this.allproc : [...this.allproc].reverse()) {
        if (p.pid <= 1 || p === td || p.state === PRS_NEW) continue;
        post(p);
      }
      if (this.profile.killAllFindsZombies) for (const z of this.procs.values()) if (!z.inHash && z.pid > 1) post(z);
    } else {
      const pg = target === 0 ? td.pgrp : this.pgfind(-target);
      if (pg === null) return 'ESRCH';
      for (const p of pg.members) {
        if ((p.pid <= 1 && this.profile.killpgSkipsInit) || p.state === PRS_NEW) continue;
        post(p); // zombie members count as found (E20)
      }
    }
    return result();
  }

  sys_sigaction(p: Proc, a: StepOf<'sigaction'>): Observation {
    if (a.handler !== 'SIG_DFL' && a.handler !== 'SIG_IGN' && a.handler !== 'catch') {
      throw new StepRejected('sigaction', `handler must be SIG_DFL, SIG_IGN or catch, got ${JSON.stringify(a.handler)}`);
    }
    if (!Array.isArray(a.flags)) throw new StepRejected('sigaction', 'flags must be a list of SA_* names');
    let flags = 0;
    for (const f of a.flags) {
      if (!SA_NAMES.has(f)) throw new StepRejected('sigaction', `flags: unknown flag ${JSON.stringify(f)}`);
      flags |= SA_BITS[f];
    }
    const id = resolveSignal(a.sig, this.profile, 'sigaction', 'sig');
    const step = this.stepIndex;
    if (id === 'EINVAL' || id === 0) return failed(step, p.pid, 'sigaction', 'EINVAL');
    if ((id === SIGKILL || id === SIGSTOP) && a.handler !== 'SIG_DFL') return failed(step, p.pid, 'sigaction', 'EINVAL');
    // Simplification: numbers the profile gives no name succeed and change nothing observable.
    if (id === UNNAMED) return returned(step, p.pid, 'sigaction', 0);
    this.kern_sigaction(p, id, a.handler === 'SIG_DFL' ? SIG_DFL : a.handler === 'SIG_IGN' ? SIG_IGN : SIG_CATCH, flags);
    return returned(step, p.pid, 'sigaction', 0);
  }

  /** kern_sigaction's effect (semantics.md §3.10). */
  kern_sigaction(p: Proc, id: number, action: number, flags: number): void {
    const ps = p.sigacts;
    ps.action[id] = action;
    ps.saFlags[id] = flags;
    if (flags & SAF_RESTART) ps.sigintr &= ~sigBit(id);
    else ps.sigintr |= sigBit(id);
    if (id === SIGCHLD) {
      ps.psFlag = flags & SAF_NOCLDSTOP ? ps.psFlag | PS_NOCLDSTOP : ps.psFlag & ~PS_NOCLDSTOP;
      // pid 1 can never have PS_NOCLDWAIT: its children are reparented to it.
      ps.psFlag = flags & SAF_NOCLDWAIT && (p.pid !== 1 || this.profile.initMayNocldwait) ? ps.psFlag | PS_NOCLDWAIT : ps.psFlag & ~PS_NOCLDWAIT;
      ps.psFlag = action === SIG_IGN ? ps.psFlag | PS_CLDSIGIGN : ps.psFlag & ~PS_CLDSIGIGN;
    }
    if (this.isIgnored(p, id)) this.sigqueue_delete(p, id);
  }

  sys_sigprocmask(p: Proc, a: StepOf<'sigprocmask'>): Observation {
    if (!Array.isArray(a.sigs)) throw new StepRejected('sigprocmask', 'sigs must be a list of signal names');
    let mask = 0;
    for (const s of a.sigs) {
      if (!SIGNAL_NAME_SET.has(s)) throw new StepRejected('sigprocmask', `sigs: unknown signal ${JSON.stringify(s)}`);
      mask |= sigBit(sigId(s));
    }
    mask &= ~UNBLOCKABLE;
    const before = p.blocked;
    if (a.how === 'SIG_BLOCK') p.blocked |= mask;
    else if (a.how === 'SIG_UNBLOCK') p.blocked &= ~mask;
    else if (a.how === 'SIG_SETMASK') p.blocked = mask;
    else throw new StepRejected('sigprocmask', `how must be SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK, got ${JSON.stringify(a.how)}`);
    if (before & ~p.blocked & this.pendingMask(p)) this.queueAst(p); // newly deliverable
    return returned(this.stepIndex, p.pid, 'sigprocmask', 0);
  }

  sys_sigpending(p: Proc): Observation {
    const o = returned(this.stepIndex, p.pid, 'sigpending', 0);
    o.sigs = maskNames(this.pendingMask(p));
    return o;
  }

  /** execsigs (semantics.md §3.10): caught signals reset; SIGCHLD's SIG_IGN and NOCLDWAIT go (E18). */
  execsigs(p: Proc): void {
    const ps = p.sigacts;
    for (let id = 1; id <= NSIG_NAMED; id++) {
      if (ps.action[id] !== SIG_CATCH) continue;
      ps.action[id] = SIG_DFL;
      if (SIGPROP[id] & SA_IGNORE && id !== SIGCONT) this.sigqueue_delete(p, id);
    }
    if (!this.profile.execResetsIgnoredSigchld) {
      ps.psFlag &= ~(PS_NOCLDWAIT | PS_NOCLDSTOP); // Linux flush_signal_handlers: SIG_IGN stays, sa_flags go
      return;
    }
    ps.psFlag &= ~(PS_NOCLDWAIT | PS_CLDSIGIGN);
    if (ps.action[SIGCHLD] === SIG_IGN) ps.action[SIGCHLD] = SIG_DFL;
  }
}
