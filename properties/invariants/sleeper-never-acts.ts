import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';
import { isStopped, procsByPid } from './lib/procs';

/**
 * Issue 2 item 4, §9.2: only an awake process makes a call; a sleeper's call completes once, in the
 * observations of the step that woke it, and a process stops sleeping only by such a completion.
 */
export const sleeperNeverActs: Invariant = stepInvariant(
  {
    name: 'sleeper-never-acts',
    statement: 'a sleeping, stopped or dead process never makes a call, and every sleep ends in exactly one completion',
    source: 'kern_exit.c:842-850 (wait sleep), 208-220 (exit1 sleep); semantics.md §3.1 vfork, §9.2',
    needs: ['snapshot'],
  },
  ({ index, step, result, before, after }) => {
    const was = procsByPid(before!);
    const now = procsByPid(after!);
    const caller = was.get(step.pid);
    if (!caller) return `pid ${step.pid} does not exist but made a call`;
    if (caller.state !== 'NORMAL') return `${caller.state} pid ${step.pid} made a call`;
    if (caller.sleeping) return `pid ${step.pid}, asleep in ${caller.sleeping.chan} since step ${caller.sleeping.step}, made a call`;
    if (isStopped(caller)) return `stopped pid ${step.pid} made a call`;
    const [own, ...completions] = result.observations;
    if (!own || own.pid !== step.pid || own.step !== index) return `the first observation is not the caller's call of step ${index}`;
    const completed = new Set<number>();
    for (const o of completions) {
      const sleeper = was.get(o.pid);
      if (!sleeper?.sleeping) return `pid ${o.pid} completed a call but was not asleep`;
      if (sleeper.sleeping.step !== o.step) return `pid ${o.pid} completed the call of step ${o.step} but slept in step ${sleeper.sleeping.step}`;
      if (o.kind === 'sleep') return `pid ${o.pid}'s completion is another sleep`;
      if (completed.has(o.pid)) return `pid ${o.pid} completed twice in one step`;
      completed.add(o.pid);
    }
    for (const p of before!.procs) {
      if (!p.sleeping) continue;
      const later = now.get(p.pid);
      const stillAsleep = later?.sleeping && later.sleeping.step === p.sleeping.step;
      if (!stillAsleep && !completed.has(p.pid)) return `pid ${p.pid} stopped sleeping (step ${p.sleeping.step}) without a completion`;
      if (stillAsleep && completed.has(p.pid)) return `pid ${p.pid} completed its call but is still asleep`;
    }
    const sleeps = own.kind === 'sleep';
    const callerNow = now.get(step.pid);
    if (sleeps && callerNow && !callerNow.sleeping && !completed.has(step.pid)) return `pid ${step.pid}'s call slept but it is not asleep`;
    return null;
  },
);
