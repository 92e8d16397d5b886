import type { Maker } from './maker';

export const runMaker: Maker = {
  name: 'run',
  weight: 4,
  make: ({ caller, rng }) => ({ pid: caller.pid, call: 'run', ticks: rng.int(1, 9) }),
};

export const setuidMaker: Maker = {
  name: 'setuid',
  weight: ({ caller }) => (caller.uid === 0 && caller.pid !== 1 ? 0.6 : 0.1),
  make: ({ caller, rng }) => ({ pid: caller.pid, call: 'setuid', uid: rng.pick([0, 1001, 1002]) }),
};

export const getppidMaker: Maker = {
  name: 'getppid',
  weight: ({ caller }) => (caller.flags.includes('TRACED') ? 2 : 0.5),
  make: ({ caller }) => ({ pid: caller.pid, call: 'getppid' }),
};

export const getpgidMaker: Maker = {
  name: 'getpgid',
  weight: 0.3,
  make: ({ world, caller, rng }) => ({ pid: caller.pid, call: 'getpgid', target: rng.chance(0.3) ? 0 : rng.pick(world.state.procs).pid }),
};

export const getsidMaker: Maker = {
  name: 'getsid',
  weight: 0.3,
  make: ({ world, caller, rng }) => ({ pid: caller.pid, call: 'getsid', target: rng.chance(0.3) ? 0 : rng.pick(world.state.procs).pid }),
};

export const getrusageMaker: Maker = {
  name: 'getrusage',
  weight: 0.8,
  make: ({ caller, rng }) => ({ pid: caller.pid, call: 'getrusage', who: rng.pick(['RUSAGE_SELF', 'RUSAGE_CHILDREN'] as const) }),
};
