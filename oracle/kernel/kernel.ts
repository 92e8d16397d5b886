import { StepRejected, type Observation, type Step, type StepResult } from '../../interleaving';
import { P_STOPPED, P_WEXIT, PRS_ZOMBIE } from './flags';
import type { Proc } from './proc';
import { WaitKernel } from '../wait/wait-kernel';
import { SIGKILL } from '../signals/signal-ids';

/**
 * The whole model: the tables of KernelState and the seed's functions of every layer
 * (signals → job control → fork → ptrace → exit → wait). `apply` runs one step: the caller's call,
 * then the deferred effects on other processes in posting order (semantics.md §9.2).
 * A variant ("mutant") subclasses this and overrides one small method.
 */
export class Kernel extends WaitKernel {
  /** Apply one step; `index` names it in sleep records and observations. */
  apply(step: Step, index: number): StepResult {
    const p = this.caller(step);
    this.beginStep(index);
    const own = this.dispatch(p, step);
    const obs = this.observations;
    if (obs.length === 0) obs.push(own);
    else obs.unshift(own); // the caller's own first, then the sleepers it completed
    if (this.panicMessage === null) this.runEffects();
    if (this.profile.deathBeforeReturn && own.kind === 'return' && p.deathSignal === SIGKILL) {
      this.observations[0] = { step: own.step, pid: own.pid, call: own.call, kind: 'noreturn' };
    }
    if (this.profile.completionOrder === 'by-issuing-step') {
      const completed = this.observations.slice(1).sort((a, b) => a.step - b.step); // stable
      this.observations.splice(1, completed.length, ...completed);
    }
    const r: StepResult = { observations: this.observations, log: this.log };
    if (this.tracing) r.trace = this.trace;
    if (this.panicMessage !== null) r.panic = this.panicMessage;
    return r;
  }

  /** The calling process, which must be awake: not asleep, stopped, exiting or dead. */
  private caller(step: Step): Proc {
    if (step === null || typeof step !== 'object') throw new StepRejected('step', 'a step must be an object');
    const call = typeof step.call === 'string' ? step.call : 'step';
    if (this.panicMessage !== null) throw new StepRejected(call, 'the kernel has panicked (init died); reset it');
    if (!Number.isInteger(step.pid)) throw new StepRejected(call, `pid must be an integer, got ${String(step.pid)}`);
    const p = this.procs.get(step.pid);
    if (p === undefined) throw new StepRejected(call, `pid ${step.pid}: no such process`);
    if (p.state === PRS_ZOMBIE) throw new StepRejected(call, `pid ${step.pid} is a zombie`);
    if (p.sleep !== null) throw new StepRejected(call, `pid ${step.pid} is asleep in ${p.sleep.chan} (since step ${p.sleep.step})`);
    if (p.flag & P_WEXIT) throw new StepRejected(call, `pid ${step.pid} is exiting`);
    if (p.flag & P_STOPPED) throw new StepRejected(call, `pid ${step.pid} is stopped`);
    return p;
  }

  private dispatch(p: Proc, s: Step): Observation {
    if (this.profile.unsupportedCalls.includes(s.call)) {
      throw new StepRejected(s.call, `unsupported: ${this.profile.name} has no ${s.call}`); // linux.md R18, W15
    }
    switch (s.call) {
      case 'fork': return this.sys_fork(p, s);
      case 'vfork': return this.sys_vfork(p, s);
      case 'rfork': return this.sys_rfork(p, s);
      case 'thr_new': return this.sys_thr_new(p);
      case 'exit': return this.sys_exit(p, s);
      case 'abort2': return this.sys_abort2(p, s);
      case 'wait4': return this.sys_wait4(p, s);
      case 'owait': return this.sys_owait(p, s);
      case 'kill': return this.sys_kill(p, s);
      case 'sigaction': return this.sys_sigaction(p, s);
      case 'sigprocmask': return this.sys_sigprocmask(p, s);
      case 'ptrace': return this.sys_ptrace(p, s);
      case 'setpgid': return this.sys_setpgid(p, s);
      case 'setsid': return this.sys_setsid(p);
      case 'setctty': return this.sys_setctty(p);
      case 'tcsetpgrp': return this.sys_tcsetpgrp(p, s);
      case 'execve': return this.sys_execve(p, s);
      case 'setuid': return this.sys_setuid(p, s);
      case 'run': return this.sys_run(p, s);
      case 'getppid': return this.sys_getppid(p);
      case 'getpgid': return this.sys_getid(p, s);
      case 'getsid': return this.sys_getid(p, s);
      case 'getrusage': return this.sys_getrusage(p, s);
      case 'sigpending': return this.sys_sigpending(p);
      default:
        throw new StepRejected(String((s as { call: unknown }).call), 'unknown call');
    }
  }
}
