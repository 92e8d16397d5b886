import type { PtraceRequest, Sig, Step } from '../../../interleaving';
import type { WorldProc } from '../world';
import type { MakeContext, Maker } from './maker';

/** An attach target: the caller's child, a sibling, or an unrelated process (E1-E4, E8, E11-E13). */
function attachTarget({ world, caller, rng, invalidShare }: MakeContext): number {
  if (rng.chance(invalidShare)) return rng.pick([caller.pid, 1, world.unusedPid()]);
  const untraced = (p: WorldProc) => p.pid !== caller.pid && p.pid !== 1 && p.state === 'NORMAL' && !p.flags.includes('TRACED');
  const kids = world.children(caller).filter(untraced);
  const parent = world.get(caller.ppid);
  const siblings = parent ? world.children(parent).filter(untraced) : [];
  const others = world.state.procs.filter(untraced);
  const choice = rng.weighted<WorldProc[]>([
    [kids, kids.length ? 3 : 0],
    [siblings, siblings.length ? 3 : 0],
    [others, others.length ? 3 : 0],
  ]);
  return choice ? rng.pick(choice).pid : world.unusedPid();
}

/** Continue, detach or kill one of the caller's tracees, preferably one whose stop was collected. */
function resume(ctx: MakeContext): Step {
  const { world, caller, rng, invalidShare } = ctx;
  const tracees = world.tracees(caller);
  const collected = tracees.filter((t) => t.flags.includes('WAITED'));
  const pool = collected.length ? collected : tracees;
  const wrong = rng.chance(invalidShare) || pool.length === 0;
  const target = wrong ? rng.pick(world.state.procs).pid : rng.pick(pool).pid;
  const req = rng.weighted<PtraceRequest>([
    ['PT_CONTINUE', 6],
    ['PT_DETACH', 3],
    ['PT_KILL', 1],
  ])!;
  const data = rng.chance(invalidShare / 2) ? 200 : rng.weighted<Sig>([[0, 7], ['SIGUSR1', 1], ['SIGTERM', 1], ['SIGSTOP', 1], ['SIGKILL', 0.5]])!;
  return { pid: caller.pid, call: 'ptrace', req, target, data };
}

export const ptraceMaker: Maker = {
  name: 'ptrace',
  weight: ({ world, caller }) => (caller.pid === 1 ? 0.3 : world.tracees(caller).length > 0 ? 8 : 3),
  make: (ctx): Step => {
    const { caller, rng, world } = ctx;
    if (world.tracees(caller).length > 0 && rng.chance(0.75)) return resume(ctx);
    if (rng.chance(0.3)) return { pid: caller.pid, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 };
    if (rng.chance(0.1)) return resume(ctx);
    return { pid: caller.pid, call: 'ptrace', req: 'PT_ATTACH', target: attachTarget(ctx), data: 0 };
  },
};
