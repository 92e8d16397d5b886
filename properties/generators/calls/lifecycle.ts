import type { RforkFlag, Step } from '../../../interleaving';
import type { MakeContext, Maker } from './maker';

/** Fewer forks as the table fills, so trees grow deep rather than wide. */
function forkWeight(nprocs: number): number {
  return nprocs < 5 ? 12 : nprocs < 9 ? 6 : nprocs < 14 ? 2 : 0.3;
}

export const forkMaker: Maker = {
  name: 'fork',
  weight: ({ world }) => forkWeight(world.state.nprocs),
  make: ({ caller }) => ({ pid: caller.pid, call: 'fork' }),
};

export const vforkMaker: Maker = {
  name: 'vfork',
  weight: ({ world }) => forkWeight(world.state.nprocs) / 5,
  make: ({ caller }) => ({ pid: caller.pid, call: 'vfork' }),
};

const RFORK_VALID: readonly (readonly RforkFlag[])[] = [
  ['RFPROC', 'RFTHREAD'],
  ['RFPROC', 'RFTHREAD', 'RFFDG'],
  ['RFPROC', 'RFNOWAIT'],
  ['RFPROC', 'RFLINUXTHPN'],
  ['RFPROC', 'RFSIGSHARE'],
  ['RFPROC', 'RFFDG'],
  ['RFFDG'],
];
const RFORK_INVALID: readonly (readonly RforkFlag[])[] = [['RFPROC', 'RFFDG', 'RFCFDG'], ['RFPROC', 'RFSTOPPED'], ['RFPROC', 'RFPPWAIT']];

export const rforkMaker: Maker = {
  name: 'rfork',
  weight: ({ world }) => forkWeight(world.state.nprocs) / 3,
  make: ({ caller, rng, invalidShare }) => ({
    pid: caller.pid,
    call: 'rfork',
    flags: [...rng.pick(rng.chance(invalidShare) ? RFORK_INVALID : RFORK_VALID)],
  }),
};

export const thrNewMaker: Maker = {
  name: 'thr_new',
  weight: ({ caller }) => (caller.threads < 3 ? 1.2 : 0.2),
  make: ({ caller }) => ({ pid: caller.pid, call: 'thr_new' }),
};

const EXIT_CODES = [0, 0, 1, 2, 3, 7, 42, 255, 256, 257, -1];

/** Exits that reach rare paths weigh more: a session leader with a terminal (X18), an rfork leader with peers (X8), a child of a SIG_IGN or SA_NOCLDWAIT parent (X28). */
function exitBoost({ caller, world }: MakeContext): number {
  const parent = world.get(caller.ppid);
  const ignored = !!parent && (parent.psFlags.includes('PS_NOCLDWAIT') || parent.psFlags.includes('PS_CLDSIGIGN'));
  const ttyLeader = world.state.sessions.some((s) => s.leader === caller.pid && s.tty);
  return (ttyLeader ? 3 : 1) * (caller.peers.length > 0 ? 2 : 1) * (ignored ? 2 : 1);
}

export const exitMaker: Maker = {
  name: 'exit',
  weight: (ctx) => (ctx.caller.pid === 1 ? 0 : (ctx.world.state.nprocs > 10 ? 9 : 5) * exitBoost(ctx)),
  make: ({ caller, rng }) => ({ pid: caller.pid, call: 'exit', code: rng.pick(EXIT_CODES) }),
};

export const abort2Maker: Maker = {
  name: 'abort2',
  weight: ({ caller }) => (caller.pid === 1 ? 0 : 0.8),
  // Literals, not a spread base: on Node 20 a spread with added fields costs microseconds (the JSON is the same).
  make: ({ caller, rng }): Step => {
    const pid = caller.pid;
    const call = 'abort2';
    switch (rng.int(0, 7)) {
      case 0:
        return { pid, call, why: 'bad state', nargs: 0, args: null };
      case 1:
        return { pid, call, why: null, nargs: 1, args: [0] };
      case 2:
        return { pid, call, why: 'x', nargs: 17, args: [] };
      case 3:
        return { pid, call, why: 'fault', nargs: 1, args: [1], badWhy: true };
      case 4:
        return { pid, call, why: 'args', nargs: 2, args: [1], badArgs: rng.chance(0.5) };
      default:
        return { pid, call, why: rng.pick(['bad state', '', 'oops']), nargs: rng.int(0, 2), args: [1, 0x2a].slice(0, rng.int(0, 2)) };
    }
  },
};

export const execveMaker: Maker = {
  name: 'execve',
  weight: ({ caller }) => (caller.flags.includes('PPWAIT') ? 6 : 0.6),
  make: ({ caller }) => ({ pid: caller.pid, call: 'execve' }),
};
