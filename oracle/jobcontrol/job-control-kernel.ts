import { StepRejected, type Observation, type StepOf } from '../../interleaving';
import { P_CONTROLT, P_EXEC, P_STOPPED, PRS_ZOMBIE } from '../kernel/flags';
import { failed, returned } from '../kernel/observe';
import { Pgrp, Session, type Proc } from '../kernel/proc';
import { INT32, requireInt } from '../kernel/step-args';
import { SIGCONT, SIGHUP } from '../signals/signal-ids';
import { SignalSyscallKernel } from '../signals/signal-syscalls';

/**
 * Process groups, sessions and job control (kern_proc.c enterpgrp/leavepgrp/fixjobc/orphanpg,
 * kern_prot.c setpgid/setsid, the tty calls; semantics.md §3.11-3.12). pg_jobc is kept
 * incrementally, as the kernel does (I11, E12).
 */
export abstract class JobControlKernel extends SignalSyscallKernel {
  /** fixjobc(p, pgrp, entering): p's and its live children's qualifications of groups (§3.12). */
  fixjobc(p: Proc, pgrp: Pgrp, entering: boolean): void {
    const mysession = pgrp.session;
    const his = p.pptr?.pgrp ?? null; // init's parent, proc0, is in no session of the model
    if (his !== null && his !== pgrp && his.session === mysession) this.adjustJobc(pgrp, entering);
    for (const c of p.children) {
      const hg = c.pgrp;
      if (hg !== pgrp && hg.session === mysession && c.state !== PRS_ZOMBIE) this.adjustJobc(hg, entering);
    }
  }

  private adjustJobc(pg: Pgrp, entering: boolean): void {
    if (entering) pg.jobc++;
    else if (--pg.jobc === 0) this.orphanpg(pg);
  }

  /** orphanpg: a newly orphaned group with a stopped member gets SIGHUP then SIGCONT, member by member. */
  orphanpg(pg: Pgrp): void {
    if (this.profile.orphanedGroups !== 'jobc') return; // Linux decides at exit, after the reparent (J1)
    if (!pg.members.some((m) => (m.flag & P_STOPPED) !== 0)) return;
    for (const m of pg.members.slice()) {
      this.psignal(m, SIGHUP);
      this.psignal(m, SIGCONT);
    }
  }

  /** enterpgrp: a new group (and, for setsid, a new session led by p). */
  enterpgrp(p: Proc, pgid: number, newSession: boolean): void {
    let sess = p.pgrp.session;
    if (newSession) {
      sess = new Session(p.pid, p);
      this.sessions.set(sess.sid, sess);
      p.flag &= ~P_CONTROLT;
    }
    const pg = new Pgrp(pgid, sess);
    sess.count++;
    this.pgrps.set(pgid, pg);
    this.doenterpgrp(p, pg);
  }

  /** doenterpgrp: the new group's fixjobc first, so counts do not touch 0 spuriously. */
  doenterpgrp(p: Proc, pg: Pgrp): void {
    const old = p.pgrp;
    this.fixjobc(p, pg, true);
    this.fixjobc(p, old, false);
    old.members.splice(old.members.indexOf(p), 1);
    p.pgrp = pg;
    pg.members.unshift(p);
    if (old.members.length === 0) this.pgdelete(old);
  }

  /** leavepgrp at reap: no fixjobc here, exit1 did it (kern_exit.c:347). */
  leavepgrp(p: Proc): void {
    const pg = p.pgrp;
    pg.members.splice(pg.members.indexOf(p), 1);
    if (pg.members.length === 0) this.pgdelete(pg);
  }

  /** pgdelete: the terminal forgets the group; the session goes with its last group. */
  pgdelete(pg: Pgrp): void {
    this.pgrps.delete(pg.id);
    const s = pg.session;
    if (s.ttyp !== null && s.ttyp.pgrp === pg) s.ttyp.pgrp = null;
    if (--s.count === 0) this.sessions.delete(s.sid);
  }

  /** The target of setpgid(pid, …): inferior() walks p_pptr up to the caller. */
  private inferior(p: Proc, td: Proc): boolean {
    // The kernel loops for ever on a tracing cycle; the model stops after every process was visited.
    for (let q: Proc | null = p, n = 0; q !== td; q = q.pptr, n++) {
      if (q === null || n > this.procs.size) return false;
    }
    return true;
  }

  /** pfind, which skips zombies; Linux's find_task_by_vpid finds them (§6). */
  private findForPgrpCall(pid: number): Proc | null {
    return this.profile.pgrpCallsFindZombies ? this.pfindOrZombie(pid) : this.pfind(pid);
  }

  sys_setpgid(td: Proc, a: StepOf<'setpgid'>): Observation {
    requireInt('setpgid', 'target', a.target, INT32);
    requireInt('setpgid', 'pgid', a.pgid, INT32);
    const step = this.stepIndex;
    const err = (e: 'EINVAL' | 'ESRCH' | 'EPERM' | 'EACCES') => failed(step, td.pid, 'setpgid', e);
    if (a.pgid < 0) return err('EINVAL');
    let targ = td;
    if (a.target !== 0 && a.target !== td.pid) {
      if (this.threadOwner(a.target) !== null) return err('EINVAL'); // Linux: not a thread group leader
      const t = this.findForPgrpCall(a.target);
      if (t === null || !(this.profile.setpgidChildOnly ? t.pptr === td : this.inferior(t, td))) return err('ESRCH');
      if (t.pgrp.session !== td.pgrp.session) return err('EPERM');
      if (t.flag & P_EXEC) return err('EACCES');
      targ = t;
    }
    if (targ.pgrp.session.leader === targ) return err('EPERM');
    const pgid = a.pgid === 0 ? targ.pid : a.pgid;
    const pg = this.pgfind(pgid);
    if (pg === null) {
      if (pgid !== targ.pid) return err('EPERM');
      this.enterpgrp(targ, pgid, false);
    } else if (pg !== targ.pgrp) {
      if (pg.id !== targ.pid && pg.session !== td.pgrp.session) return err('EPERM');
      this.doenterpgrp(targ, pg);
    }
    return returned(step, td.pid, 'setpgid', 0);
  }

  sys_setsid(p: Proc): Observation {
    if (p.pgrp.id === p.pid || this.pgfind(p.pid) !== null) return failed(this.stepIndex, p.pid, 'setsid', 'EPERM');
    this.enterpgrp(p, p.pid, true);
    return returned(this.stepIndex, p.pid, 'setsid', p.pid);
  }

  /** TIOCSCTTY: a session leader without a terminal gets a fresh one; its group is the foreground. */
  sys_setctty(p: Proc): Observation {
    const s = p.pgrp.session;
    if (s.leader !== p || s.ttyvp) return failed(this.stepIndex, p.pid, 'setctty', 'EPERM');
    s.ttyvp = true;
    s.ttyp = { session: s, pgrp: p.pgrp };
    p.flag |= P_CONTROLT;
    return returned(this.stepIndex, p.pid, 'setctty', 0);
  }

  /**
   * tcsetpgrp on the session's terminal. Simplification: a background caller is not sent SIGTTOU.
   */
  sys_tcsetpgrp(p: Proc, a: StepOf<'tcsetpgrp'>): Observation {
    requireInt('tcsetpgrp', 'pgid', a.pgid, INT32);
    const s = p.pgrp.session;
    const tp = s.ttyp;
    if (!s.ttyvp || tp === null || tp.session !== s || !(p.flag & P_CONTROLT)) {
      return failed(this.stepIndex, p.pid, 'tcsetpgrp', 'ENOTTY');
    }
    const pg = this.pgfind(a.pgid);
    if (pg === null || pg.session !== s) return failed(this.stepIndex, p.pid, 'tcsetpgrp', 'EPERM');
    tp.pgrp = pg;
    return returned(this.stepIndex, p.pid, 'tcsetpgrp', 0);
  }

  /** getpgid / getsid: 0 means the caller; zombies are not found (pfind). */
  sys_getid(p: Proc, a: StepOf<'getpgid'> | StepOf<'getsid'>): Observation {
    requireInt(a.call, 'target', a.target, INT32);
    const t = a.target === 0 ? p : this.findForPgrpCall(a.target) ?? this.threadOwner(a.target);
    if (t === null) return failed(this.stepIndex, p.pid, a.call, 'ESRCH');
    return returned(this.stepIndex, p.pid, a.call, a.call === 'getpgid' ? t.pgrp.id : t.pgrp.session.sid);
  }
}
