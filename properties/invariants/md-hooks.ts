import type { MdCall, MdHook, ProcView } from '../../interleaving';
import type { CheckContext, Invariant } from '../../runner/check';
import type { ById } from './lib/by-id';
import { Induction } from './lib/induction';
import { FewPerPid } from './lib/few-per-pid';
import { createdPids, freedPids, procsOf } from './lib/procs';
import type { TableChanges } from './lib/table-changes';
import { tableIndex } from './lib/table-index';

/** exit1's hooks in seed order (kern_exit.c:288, 415, 514, 536), then kern_wait's (kern_exit.c:779, 786). */
const LIFE: readonly MdHook[] = ['vmspace_exit', 'cpu_exit', 'sched_exit', 'thread_exit', 'thread_wait', 'vm_waitproc'];
const EXITED = 4;
const REAPED = LIFE.length;
/** The pids a step created, when none (most steps). */
const NONE_CREATED: readonly number[] = [];
const NO_PROCS: readonly ProcView[] = [];

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

/** Whether an earlier call of the step than `at` is by `pid`. */
function calledBefore(calls: readonly MdCall[], at: number, pid: number): boolean {
  for (let j = 0; j < at; j++) if (calls[j].pid === pid) return true;
  return false;
}

/**
 * Whether each cpu_thread_exit among `pid`'s calls (those from `from` on) sits beside a
 * thread_exit of it, one for one: the message if not, else null. Read in place, as the caller's
 * hooks are: grouping a step's calls by pid in fresh lists costs twice as much.
 */
function unpairedHooks(calls: readonly MdCall[], from: number, pid: number): string | null {
  let pairs = 0;
  let cpu = 0;
  let lonely = false;
  /** The last hook of pid's seen, and whether it is a cpu_thread_exit with no thread_exit before it (so one must follow). */
  let last: MdHook | undefined;
  let open = false;
  for (let j = from; j < calls.length; j++) {
    if (calls[j].pid !== pid) continue;
    const h = calls[j].hook;
    if (open && h !== 'thread_exit') lonely = true;
    open = false;
    if (h === 'thread_exit') pairs++;
    else if (h === 'cpu_thread_exit') {
      cpu++;
      open = last !== 'thread_exit';
    }
    last = h;
  }
  if (pairs !== cpu) return `pid ${pid} had ${pairs} thread_exit but ${cpu} cpu_thread_exit calls`;
  return lonely || open ? `pid ${pid}: cpu_thread_exit outside thread_exit` : null;
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
    let createdLast: readonly number[] = NONE_CREATED;
    return {
      check(ctx) {
        const changes = induction.changes(ctx);
        const created = createdLast;
        createdLast = createdPids(ctx.before!, ctx.after!);
        return induction.judged(ctx, judge(ctx, changes, created));
      },
    };

    /**
     * Whether every process of `before` that the step freed or left a zombie has had hooks (the
     * whole table judged through the step's freed pids and the zombies, not a lookup per process).
     */
    function allHooked({ before, after }: CheckContext): boolean {
      const freed = freedPids(before!, after!);
      for (let i = 0; i < freed.length; i++) if (!life.has(freed[i])) return false;
      const had = procsOf(before!);
      const zombies = tableIndex(after!).zombies;
      for (let i = 0; i < zombies.length; i++) if (!life.has(zombies[i].pid) && had.has(zombies[i].pid)) return false;
      return true;
    }

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
      // Each caller in order of its first call (a cpu_thread_exit is only checked for its pairing).
      for (let k = 0; k < calls.length; k++) {
        const pid = calls[k].pid;
        if (calledBefore(calls, k, pid)) continue;
        const unpaired = unpairedHooks(calls, k, pid);
        if (unpaired !== null) return unpaired;
        let g = life.get(pid);
        if (!g) {
          // An exec in the same step may single-thread it silently, so only its own exit call is exact.
          g = { phase: 0, extraThreads: 0, threads: before.get(pid)?.threads ?? 1, exact: ctx.step.pid === pid && ctx.step.call === 'exit' };
          life.add(pid, g);
        }
        for (let j = k; j < calls.length; j++) {
          const h = calls[j].hook;
          if (calls[j].pid !== pid || h === 'cpu_thread_exit') continue;
          if (g.phase === 0 && h === 'thread_exit') g.extraThreads++;
          else if (LIFE[g.phase] === h) g.phase++;
          else return `pid ${pid}: ${h} called after ${g.phase === 0 ? 'nothing' : LIFE[g.phase - 1]}, expected ${LIFE[g.phase] ?? 'no more hooks'}`;
          if (g.phase === EXITED && (g.exact ? g.extraThreads !== g.threads - 1 : g.extraThreads > g.threads - 1)) return `pid ${pid} had ${g.threads} threads but ${g.extraThreads} extra thread_exit calls`;
        }
      }
      // Judging the whole table, process by process only when some freed pid or zombie lacks hooks (for the message).
      const judged = changes !== null ? touchedOrNew(changes, created, before) : allHooked(ctx) ? NO_PROCS : ctx.before!.procs;
      for (const p of judged) {
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
