import { StepRejected, type Observation, type StepOf } from '../../interleaving';
import { P_CONTROLT, P_EXEC, P_HADTHREADS, P_PPWAIT, P_TRACED, P_WEXIT } from '../kernel/flags';
import { failed, returned, slept } from '../kernel/observe';
import { Proc } from '../kernel/proc';
import { NATURAL, requireInt, UINT32 } from '../kernel/step-args';
import { JobControlKernel } from '../jobcontrol/job-control-kernel';
import { SIGCHLD, SIGKILL, SIGTRAP, SIGUSR1 } from '../signals/signal-ids';
import {
  RFCFDG, RFFDG, RFKERNELONLY, RFLINUXTHPN, RFMEM, RFNOWAIT, RFPPWAIT, RFPROC, RFSIGSHARE, RFTHREAD, rforkBits,
} from './rfork-flags';

/** (uid_t)-1, the uid that names no user. */
const NO_UID = 0xffffffff;

/**
 * Creating processes and threads, exec, credentials and CPU use (kern_fork.c fork1, kern_exec.c,
 * kern_prot.c setuid; semantics.md §3.1, §3.10, §9.6).
 */
export abstract class ForkKernel extends JobControlKernel {
  sys_fork(p1: Proc, a: StepOf<'fork'>): Observation {
    return this.fork1(p1, RFFDG | RFPROC, a);
  }

  sys_vfork(p1: Proc, a: StepOf<'vfork'>): Observation {
    return this.fork1(p1, RFFDG | RFPROC | RFPPWAIT | RFMEM, a);
  }

  sys_rfork(p1: Proc, a: StepOf<'rfork'>): Observation {
    const flags = rforkBits(a.flags);
    if (flags & RFKERNELONLY) return failed(this.stepIndex, p1.pid, 'rfork', 'EINVAL');
    return this.fork1(p1, flags, a);
  }

  /** fork1 (semantics.md §3.1): checks in order, then the child; a vfork parent sleeps. */
  fork1(p1: Proc, flags: number, a: StepOf<'fork' | 'vfork' | 'rfork'>): Observation {
    const step = this.stepIndex;
    const call = a.call;
    if ((flags & (RFFDG | RFCFDG)) === (RFFDG | RFCFDG)) return failed(step, p1.pid, call, 'EINVAL');
    if (!(flags & RFPROC)) return returned(step, p1.pid, call, 0); // only the fd table changes
    const { maxproc } = this.config;
    // Simplification: the rate-limited console message and the half-second sleep are not modelled.
    if ((this.nprocs >= maxproc - 10 && p1.uid !== 0) || this.nprocs >= maxproc) return failed(step, p1.pid, call, 'EAGAIN');
    if (this.overNprocLimit(p1.uid)) return failed(step, p1.pid, call, 'EAGAIN');
    const pid = this.peekPid();
    if (pid < 0) throw new StepRejected(call, `no free pid below pidMax ${this.config.pidMax} (the kernel would loop for ever)`);
    this.chgproccnt(p1.uid, 1);
    this.nprocs++;
    this.lastpid = pid;
    const p2 = this.newChild(p1, pid, flags);
    if (flags & RFTHREAD) this.joinPeers(p1, p2);
    if (!(flags & RFPPWAIT)) return returned(step, p1.pid, call, pid);
    p1.sleep = { chan: 'ppwait', step, call: a, child: p2 };
    return slept(step, p1.pid, call);
  }

  /** The child as fork1 sets it up (semantics.md §3.1 "Child set-up"). */
  private newChild(p1: Proc, pid: number, flags: number): Proc {
    const p2 = new Proc(pid);
    p2.uid = p1.uid;
    p2.undumpable = p1.undumpable;
    p2.comm = p1.comm;
    if (flags & RFSIGSHARE) {
      p2.sigacts = p1.sigacts;
      p1.sigacts.refs++;
    } else {
      p2.sigacts = p1.sigacts.copy();
    }
    p2.blocked = p1.blocked;
    p2.sigparent = flags & RFLINUXTHPN ? SIGUSR1 : SIGCHLD;
    const sess = p1.pgrp.session;
    if (sess.ttyvp && p1.flag & P_CONTROLT) p2.flag |= P_CONTROLT;
    if (flags & RFPPWAIT) p2.flag |= P_PPWAIT;
    this.procs.set(pid, p2);
    this.allproc.unshift(p2);
    const pg = p1.pgrp;
    p2.pgrp = pg;
    pg.members.splice(pg.members.indexOf(p1) + 1, 0, p2);
    const pptr = flags & RFNOWAIT ? this.initproc : p1;
    p2.pptr = pptr;
    if (this.profile.forkInsertsAt === 'head') pptr.children.unshift(p2);
    else pptr.children.push(p2);
    return p2;
  }

  /** RFTHREAD: p2 joins p1's task group right after p1; a leader already exiting kills it at once. */
  private joinPeers(p1: Proc, p2: Proc): void {
    const leader = p1.leader;
    p2.leader = leader;
    leader.peers.splice(p1 === leader ? 0 : leader.peers.indexOf(p1) + 1, 0, p2);
    if (leader.flag & P_WEXIT) this.psignal(p2, SIGKILL);
  }

  /** Whether one more process (or Linux task) of `uid` would pass RLIMIT_NPROC; root is exempt. */
  private overNprocLimit(uid: number): boolean {
    if (uid === 0) return false;
    let n = this.uidCount(uid);
    if (this.profile.threadsCountAgainstNproc) for (const q of this.procs.values()) if (q.uid === uid) n += q.threads - 1;
    return n + 1 > this.config.nprocLimit;
  }

  /** thr_new: one more thread; exit1 will have to single-thread (kern_exit.c:133-167). */
  sys_thr_new(p: Proc): Observation {
    if (this.profile.threadsCountAgainstNproc && this.overNprocLimit(p.uid)) return failed(this.stepIndex, p.pid, 'thr_new', 'EAGAIN');
    if (this.profile.threadsTakePids) {
      const tid = this.peekPid();
      if (tid < 0) throw new StepRejected('thr_new', `no free pid below pidMax ${this.config.pidMax} for the thread id`);
      this.lastpid = tid;
      this.tids.set(tid, p);
      p.tids.push(tid);
    }
    p.threads++;
    p.flag |= P_HADTHREADS;
    return returned(this.stepIndex, p.pid, 'thr_new', 0);
  }

  /**
   * execve, only as far as semantics.md §3.10 needs: signals reset, P_EXEC, the vfork parent woken,
   * SIGTRAP when traced. Simplification: other threads go without machine-dependent hook calls.
   */
  sys_execve(p: Proc, a: StepOf<'execve'>): Observation {
    if (a.path !== undefined && typeof a.path !== 'string') throw new StepRejected('execve', 'path must be a string');
    if (p.sigacts.refs > 1) {
      p.sigacts.refs--;
      p.sigacts = p.sigacts.copy();
    }
    p.threads = 1;
    this.releaseTids(p);
    this.execsigs(p);
    const base = (a.path ?? 'a.out').split('/').pop() || 'a.out';
    p.comm = base.slice(0, this.profile.maxComLen);
    p.flag |= P_EXEC;
    p.undumpable = false; // exec of a plain binary with ruid = euid makes it dumpable again
    if (p.flag & P_PPWAIT) {
      p.flag &= ~P_PPWAIT;
      this.wakeup(p.pptr!);
      this.queueAst(p); // stops deferred while P_PPWAIT was set are taken on the way out (§3.1, E20)
    }
    if (p.flag & P_TRACED) this.psignal(p, SIGTRAP);
    return returned(this.stepIndex, p.pid, 'execve', 0);
  }

  /** setuid: ruid = euid = svuid; the per-uid count moves (semantics.md I7). P_SUGID is not modelled. */
  sys_setuid(p: Proc, a: StepOf<'setuid'>): Observation {
    requireInt('setuid', 'uid', a.uid, UINT32); // uid_t
    if (this.profile.setuidRefusesNoUid && a.uid === NO_UID) return failed(this.stepIndex, p.pid, 'setuid', 'EINVAL');
    if (p.uid !== 0 && a.uid !== p.uid) return failed(this.stepIndex, p.pid, 'setuid', 'EPERM');
    if (a.uid !== p.uid) {
      this.chgproccnt(p.uid, -1);
      this.chgproccnt(a.uid, 1);
      p.uid = a.uid;
      if (this.profile.setuidMakesUndumpable) p.undumpable = true;
    }
    return returned(this.stepIndex, p.pid, 'setuid', 0);
  }

  /** Burn CPU (semantics.md §9.6). */
  sys_run(p: Proc, a: StepOf<'run'>): Observation {
    requireInt('run', 'ticks', a.ticks, NATURAL);
    p.ru += a.ticks;
    return returned(this.stepIndex, p.pid, 'run', 0);
  }

  /** getppid: the debugger's pid for a traced process (E8); init's parent is proc0. */
  sys_getppid(p: Proc): Observation {
    return returned(this.stepIndex, p.pid, 'getppid', p.pptr?.pid ?? 0);
  }

  sys_getrusage(p: Proc, a: StepOf<'getrusage'>): Observation {
    if (a.who !== 'RUSAGE_SELF' && a.who !== 'RUSAGE_CHILDREN') {
      throw new StepRejected('getrusage', `who must be RUSAGE_SELF or RUSAGE_CHILDREN, got ${JSON.stringify(a.who)}`);
    }
    const o = returned(this.stepIndex, p.pid, 'getrusage', 0);
    o.rusage = { utime: a.who === 'RUSAGE_SELF' ? p.ru : p.cru };
    return o;
  }
}
