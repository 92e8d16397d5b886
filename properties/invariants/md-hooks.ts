import type { MdCall, MdHook, ProcView } from '../../interleaving';
import type { CheckContext, Invariant } from '../../runner/check';
import type { ById } from './lib/by-id';
import { Induction } from './lib/induction';
import { PerProcess } from './lib/lifetimes';
import { createdPids, procsOf } from './lib/procs';
import type { TableChanges } from './lib/table-changes';

/** exit1's hooks in seed order (kern_exit.c:288, 415, 514, 536), then kern_wait's (kern_exit.c:779, 786). */
const LIFE: readonly MdHook[] = ['vmspace_exit', 'cpu_exit', 'sched_exit', 'thread_exit', 'thread_wait', 'vm_waitproc'];
const EXITED = 4;
const REAPED = LIFE.length;
/** The callers of a step without hooks (most steps). */
const NO_CALLERS: readonly number[] = [];

interface Progress {
  /** How many hooks of LIFE have been called. */
  phase: number;
  /** thread_exit calls for extra threads during single-threading (kern_exit.c:133-167). */
  extraThreads: number;
  /** Threads when its exit began (before the step of its first exit hook), and whether that step was its own exit call. */
  threads: number;
  exact: boolean;
}

/** The processes of `before` the step touched or the last step created, in pid order. */
function touchedOrNew(changes: TableChanges, created: readonly number[], before: ById<ProcView>): readonly ProcView[] {
  const { stale } = changes.procs;
  if (created.length === 0) return stale;
  const out = [...stale];
  for (const pid of created) {
    const p = before.get(pid);
    if (p && !out.includes(p)) out.push(p);
  }
  return out.sort((x, y) => x.pid - y.pid);
}

/** The calls of one pid in a step, with each cpu_thread_exit checked to sit beside its thread_exit. */
function ownHooks(calls: MdCall[], pid: number): MdHook[] | string {
  const hooks = calls.filter((c) => c.pid === pid).map((c) => c.hook);
  const pairs = hooks.filter((h) => h === 'thread_exit').length;
  const cpu = hooks.filter((h) => h === 'cpu_thread_exit').length;
  if (pairs !== cpu) return `pid ${pid} had ${pairs} thread_exit but ${cpu} cpu_thread_exit calls`;
  const lonely = hooks.findIndex((h, i) => h === 'cpu_thread_exit' && hooks[i - 1] !== 'thread_exit' && hooks[i + 1] !== 'thread_exit');
  if (lonely >= 0) return `pid ${pid}: cpu_thread_exit outside thread_exit`;
  return hooks.filter((h) => h !== 'cpu_thread_exit');
}

/**
 * §3.14, issue 2 item 5: each process goes through exit1's hooks once, in the seed's order, by the
 * time it is a zombie, and through kern_wait's once, when it is freed; extra threads each thread_exit
 * before that.
 */
export const mdHooks: Invariant = {
  name: 'md-hooks',
  statement: 'the machine-dependent hooks are called exactly once per process, in the seed order, at exit and at reap',
  source: 'kern_exit.c:133-167, 288, 415, 514, 536, 779, 786; semantics.md §3.14',
  needs: ['snapshot', 'md'],
  start() {
    const life = new PerProcess<Progress>();
    const induction = new Induction();
    /** The pids the last step created: this step is the first to see them in `before`. */
    let createdLast: readonly number[] = NO_CALLERS;
    return {
      check(ctx) {
        const changes = induction.changes(ctx);
        const created = createdLast;
        createdLast = createdPids(ctx.before!, ctx.after!);
        return induction.judged(ctx, judge(ctx, changes, created));
      },
    };

    /**
     * One step; `changes` null judges every process of `before`. Incrementally, only one the step
     * touched, or the last step created, can be newly freed or a zombie without hooks: an unchanged
     * one that was in the last step's `before` too was judged then.
     */
    function judge(ctx: CheckContext, changes: TableChanges | null, created: readonly number[]): string | null {
      life.forgetNew(ctx);
      const calls = ctx.result.md!;
      const after = procsOf(ctx.after!);
      const before = procsOf(ctx.before!);
      for (const pid of calls.length === 0 ? NO_CALLERS : new Set(calls.map((c) => c.pid))) {
        const hooks = ownHooks(calls, pid);
        if (typeof hooks === 'string') return hooks;
        let g = life.get(pid);
        if (!g) {
          // An exec in the same step may single-thread it silently, so only its own exit call is exact.
          g = { phase: 0, extraThreads: 0, threads: before.get(pid)?.threads ?? 1, exact: ctx.step.pid === pid && ctx.step.call === 'exit' };
          life.set(pid, g);
        }
        for (const h of hooks) {
          if (g.phase === 0 && h === 'thread_exit') g.extraThreads++;
          else if (LIFE[g.phase] === h) g.phase++;
          else return `pid ${pid}: ${h} called after ${g.phase === 0 ? 'nothing' : LIFE[g.phase - 1]}, expected ${LIFE[g.phase] ?? 'no more hooks'}`;
          if (g.phase === EXITED && (g.exact ? g.extraThreads !== g.threads - 1 : g.extraThreads > g.threads - 1)) return `pid ${pid} had ${g.threads} threads but ${g.extraThreads} extra thread_exit calls`;
        }
      }
      for (const p of changes === null ? ctx.before!.procs : touchedOrNew(changes, created, before)) {
        if (life.has(p.pid)) continue;
        if (!after.has(p.pid)) return `pid ${p.pid} was freed without any hook`;
        if (after.get(p.pid)!.state === 'ZOMBIE') return `zombie ${p.pid} went through none of exit1's hooks`;
      }
      for (const [pid, g] of life) {
        const p = after.get(pid);
        if (!p && g.phase !== REAPED) return `pid ${pid} was freed after only ${g.phase} of its hooks`;
        if (p?.state === 'ZOMBIE' && g.phase !== EXITED) return `zombie ${pid} went through ${g.phase} hooks, not exit1's ${EXITED}`;
        if (p && p.state !== 'ZOMBIE' && g.phase !== 0) return `live pid ${pid} already had exit hooks (${LIFE[g.phase - 1]})`;
        if (!p) life.delete(pid);
      }
      return null;
    }
  },
};
