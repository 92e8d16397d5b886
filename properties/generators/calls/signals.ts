import type { Handler, SaFlag, Sig, SignalName, Step } from '../../../interleaving';
import type { MakeContext, Maker } from './maker';

const KILL_SIGNALS: readonly (readonly [Sig, number])[] = [
  ['SIGSTOP', 20], ['SIGCONT', 18], ['SIGKILL', 10], ['SIGTERM', 9], ['SIGHUP', 6], ['SIGTSTP', 8],
  ['SIGTTIN', 3], ['SIGCHLD', 4], ['SIGUSR1', 5], [0, 3],
];

function pickTarget({ world, caller, rng, invalidShare }: MakeContext): number {
  const kids = world.children(caller);
  if (rng.chance(invalidShare / 2)) return world.unusedPid();
  const others = world.state.procs.filter((p) => p.pid !== 1);
  return rng.weighted<number>([
    [kids.length > 0 ? rng.pick(kids).pid : caller.pid, 45],
    [others.length > 0 ? rng.pick(others).pid : caller.pid, 30],
    [caller.pid, 5],
    [0, 5],
    [-rng.pick(world.state.pgrps).pgid, 10],
    [-1, caller.pid === 1 ? 0 : 1],
  ])!;
}

/** A signal for the target: SIGCONT is likelier for a stopped one, so continues get reported. */
function pickSignal({ rng, world, invalidShare }: MakeContext, target: number): Sig {
  if (rng.chance(invalidShare / 3)) return rng.pick([200, -1]);
  const t = world.get(target);
  if (t && t.flags.includes('STOPPED_SIG') && rng.chance(0.5)) return 'SIGCONT';
  return rng.weighted(KILL_SIGNALS)!;
}

export const killMaker: Maker = {
  name: 'kill',
  weight: ({ world }) => (world.state.nprocs > 1 ? 8 : 0.5),
  make: (ctx): Step => {
    const target = pickTarget(ctx);
    return { pid: ctx.caller.pid, call: 'kill', target, sig: pickSignal(ctx, target) };
  },
};

/** SIGCHLD dispositions that reach the interesting paths: SIG_IGN, NOCLDWAIT, NOCLDSTOP, EINTR vs restart. */
function sigchldAction({ rng }: MakeContext): { handler: Handler; flags: SaFlag[] } {
  const handler = rng.weighted<Handler>([
    ['SIG_IGN', 25],
    ['SIG_DFL', 25],
    ['catch', 50],
  ])!;
  const flags = rng.subset<SaFlag>([
    ['SA_NOCLDWAIT', 0.4],
    ['SA_NOCLDSTOP', 0.2],
    ['SA_RESTART', handler === 'catch' ? 0.5 : 0],
    ['SA_SIGINFO', handler === 'catch' ? 0.5 : 0],
  ]);
  return { handler, flags };
}

export const sigactionMaker: Maker = {
  name: 'sigaction',
  weight: 4,
  make: (ctx): Step => {
    const { caller, rng, invalidShare } = ctx;
    if (rng.chance(invalidShare)) {
      return { pid: caller.pid, call: 'sigaction', sig: rng.pick<Sig>(['SIGKILL', 'SIGSTOP', 0, 200]), handler: 'catch', flags: [] };
    }
    if (rng.chance(0.7)) {
      // Fields named, not spread: on Node 20 a spread with added fields costs microseconds.
      const { handler, flags } = sigchldAction(ctx);
      return { pid: caller.pid, call: 'sigaction', sig: 'SIGCHLD', handler, flags };
    }
    const sig = rng.pick<SignalName>(['SIGHUP', 'SIGTERM', 'SIGUSR1', 'SIGCONT', 'SIGTSTP']);
    return { pid: caller.pid, call: 'sigaction', sig, handler: rng.pick<Handler>(['catch', 'SIG_IGN', 'SIG_DFL']), flags: rng.chance(0.5) ? ['SA_RESTART'] : [] };
  },
};

export const sigprocmaskMaker: Maker = {
  name: 'sigprocmask',
  weight: 1.5,
  make: ({ caller, rng }) => ({
    pid: caller.pid,
    call: 'sigprocmask',
    how: rng.pick(['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'] as const),
    sigs: rng.subset<SignalName>([
      ['SIGCHLD', 0.8],
      ['SIGHUP', 0.2],
      ['SIGTERM', 0.1],
    ]),
  }),
};

export const sigpendingMaker: Maker = {
  name: 'sigpending',
  weight: 0.6,
  make: ({ caller }) => ({ pid: caller.pid, call: 'sigpending' }),
};
