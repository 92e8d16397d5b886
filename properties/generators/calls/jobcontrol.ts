import type { Step } from '../../../interleaving';
import type { WorldState } from '../world';
import type { MakeContext, Maker } from './maker';

/** setpgid: own group, a child into its own group or into the caller's; sometimes a bad target or pgid. */
export const setpgidMaker: Maker = {
  name: 'setpgid',
  weight: 2.5,
  make: ({ world, caller, rng, invalidShare }): Step => {
    const kids = world.children(caller).filter((k) => k.state === 'NORMAL');
    if (rng.chance(invalidShare)) {
      return rng.pick<Step>([
        { pid: caller.pid, call: 'setpgid', target: 0, pgid: -3 },
        { pid: caller.pid, call: 'setpgid', target: rng.pick(world.state.procs).pid, pgid: 0 },
        { pid: caller.pid, call: 'setpgid', target: 0, pgid: world.unusedPid() },
      ]);
    }
    if (kids.length === 0 || rng.chance(0.4)) return { pid: caller.pid, call: 'setpgid', target: 0, pgid: 0 };
    const kid = rng.pick(kids);
    return { pid: caller.pid, call: 'setpgid', target: kid.pid, pgid: rng.chance(0.6) ? kid.pid : caller.pgid };
  },
};

export const setsidMaker: Maker = {
  name: 'setsid',
  weight: ({ caller }) => (caller.pgid === caller.pid ? 0.3 : 2),
  make: ({ caller }) => ({ pid: caller.pid, call: 'setsid' }),
};

/** The caller's session, as the state lists it. */
function sessionOf({ world, caller }: MakeContext): WorldState['sessions'][number] | undefined {
  const sid = caller.sid;
  return world.state.sessions.find((x) => x.sid === sid);
}

export const setcttyMaker: Maker = {
  name: 'setctty',
  weight: (ctx) => {
    const s = sessionOf(ctx);
    return s && s.leader === ctx.caller.pid && !s.tty ? 4 : 0.2;
  },
  make: ({ caller }) => ({ pid: caller.pid, call: 'setctty' }),
};

export const tcsetpgrpMaker: Maker = {
  name: 'tcsetpgrp',
  weight: (ctx) => (sessionOf(ctx)?.tty ? 1.5 : 0.1),
  make: ({ world, caller, rng }) => {
    const mine = world.state.pgrps.filter((g) => g.sid === caller.sid);
    return { pid: caller.pid, call: 'tcsetpgrp', pgid: mine.length ? rng.pick(mine).pgid : caller.pgid };
  },
};
