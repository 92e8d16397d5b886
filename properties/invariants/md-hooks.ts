import type { MdCall, MdHook, ProcView } from '../../interleaving';
import type { CheckContext, Invariant } from '../../runner/check';
import type { ById } from './lib/by-id';
import { Induction } from './lib/induction';
import { FewPerPid } from './lib/few-per-pid';
import { createdPids, procsOf } from './lib/procs';
import type { TableChanges } from './lib/table-changes';

/** exit1's hooks in seed order (kern_exit.c:288, 415, 514, 536), then kern_wait's (kern_exit.c:779, 786). */
const LIFE: readonly MdHook[] = ['vmspace_exit', 'cpu_exit', 'sched_exit', 'thread_exit', 'thread_wait', 'vm_waitproc'];
const EXITED = 4;
const REAPED = LIFE.length;
/** The callers of a step without hooks (most steps), and their hooks. */
const NO_CALLERS: readonly number[] = [];
const NO_HOOKS = { pids: NO_CALLERS, hooks: [] as readonly MdHook[][] };

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

/** The hooks each pid called in a step, pids in order of first call (one pass: a drain step has dozens of calls). */
function hooksByCaller(calls: readonly MdCall[]): { pids: number[]; hooks: MdHook[][] } {
  const pids: number[] = [];
  const hooks: MdHook[][] = [];
  let at = -1;
  for (let i = 0; i < calls.length; i++) {
    const { pid, hook } = calls[i];
    // A pid's calls mostly come together.
    if (at < 0 || pids[at] !== pid) {
      at = pids.indexOf(pid);
      if (at < 0) {
        at = pids.push(pid) - 1;
        hooks.push([]);
      }
    }
    hooks[at].push(hook);
  }
  return { pids, hooks };
}

/** One pid's hooks of a step without its cpu_thread_exit calls, each checked to sit beside its thread_exit. */
function ownHooks(hooks: readonly MdHook[], pid: number): readonly MdHook[] | string {
  let pairs = 0;
  let cpu = 0;
  for (let i = 0; i < hooks.length; i++) {
    if (hooks[i] === 'thread_exit') pairs++;
    else if (hooks[i] === 'cpu_thread_exit') cpu++;
  }
  if (pairs !== cpu) return `pid ${pid} had ${pairs} thread_exit but ${cpu} cpu_thread_exit calls`;
  if (cpu === 0) return hooks;
  const own: MdHook[] = [];
  for (let i = 0; i < hooks.length; i++) {
    if (hooks[i] !== 'cpu_thread_exit') own.push(hooks[i]);
    else if (hooks[i - 1] !== 'thread_exit' && hooks[i + 1] !== 'thread_exit') return `pid ${pid}: cpu_thread_exit outside thread_exit`;
  }
  return own;
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
    const life = new FewPerPid<Progress>();
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
      const called = calls.length === 0 ? NO_HOOKS : hooksByCaller(calls);
      for (let k = 0; k < called.pids.length; k++) {
        const pid = called.pids[k];
        const hooks = ownHooks(called.hooks[k], pid);
        if (typeof hooks === 'string') return hooks;
        let g = life.get(pid);
        if (!g) {
          // An exec in the same step may single-thread it silently, so only its own exit call is exact.
          g = { phase: 0, extraThreads: 0, threads: before.get(pid)?.threads ?? 1, exact: ctx.step.pid === pid && ctx.step.call === 'exit' };
          life.add(pid, g);
        }
        for (const h of hooks) {
          if (g.phase === 0 && h === 'thread_exit') g.extraThreads++;
          else if (LIFE[g.phase] === h) g.phase++;
          else return `pid ${pid}: ${h} called after ${g.phase === 0 ? 'nothing' : LIFE[g.phase - 1]}, expected ${LIFE[g.phase] ?? 'no more hooks'}`;
          if (g.phase === EXITED && (g.exact ? g.extraThreads !== g.threads - 1 : g.extraThreads > g.threads - 1)) return `pid ${pid} had ${g.threads} threads but ${g.extraThreads} extra thread_exit calls`;
        }
      }
      for (const p of changes === null ? ctx.before!.procs : touchedOrNew(changes, created, before)) {
        // Most are alive in `after`: the hooks are asked for only of the freed and the zombies.
        const now = after.get(p.pid);
        if ((now !== undefined && now.state !== 'ZOMBIE') || life.has(p.pid)) continue;
        if (now === undefined) return `pid ${p.pid} was freed without any hook`;
        return `zombie ${p.pid} went through none of exit1's hooks`;
      }
      for (let i = 0; i < life.pids.length; ) {
        const pid = life.pids[i];
        const g = life.values[i];
        const p = after.get(pid);
        if (!p && g.phase !== REAPED) return `pid ${pid} was freed after only ${g.phase} of its hooks`;
        if (p?.state === 'ZOMBIE' && g.phase !== EXITED) return `zombie ${pid} went through ${g.phase} hooks, not exit1's ${EXITED}`;
        if (p && p.state !== 'ZOMBIE' && g.phase !== 0) return `live pid ${pid} already had exit hooks (${LIFE[g.phase - 1]})`;
        if (!p) life.dropAt(i);
        else i++;
      }
      return null;
    }
  },
};
