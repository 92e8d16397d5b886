import type { Config, Snapshot, StepResult } from '../../interleaving';
import { DEFAULT_CONFIG } from '../../interleaving';
import type { Request, Response } from '../../adapters/protocol/messages';

/** Valid messages of every type, for decoder tests and as seeds for mutation fuzzing. */
export const INIT_SNAPSHOT: Snapshot = {
  procs: [
    {
      pid: 1, state: 'NORMAL', flags: ['SYSTEM'], ppid: 0, children: [2], oppid: 0, pgid: 1, sid: 1, sigparent: 'SIGCHLD',
      xstat: 0, ksiQueuedAt: null, sigchld: { handler: 'SIG_DFL', flags: [] }, psFlags: [], pending: [], blocked: [],
      threads: 1, leader: 1, peers: [], ru: { utime: 0 }, cru: { utime: 0 }, uid: 0, sleeping: { chan: 'wait', step: 3 },
      handled: [{ sig: 'SIGCHLD', code: 1, from: 2, status: 0 }],
    },
  ],
  pgrps: [{ pgid: 1, sid: 1, members: [1], jobc: 0 }],
  sessions: [{ sid: 1, leader: 1, tty: false, fg: null }],
  nprocs: 1,
  uidCounts: { 0: 1 },
  lastpid: 1,
  panic: null,
};

export const FORK_RESULT: StepResult = {
  observations: [
    { step: 0, pid: 1, call: 'fork', kind: 'return', ret: 2 },
    { step: 0, pid: 1, call: 'wait4', kind: 'return', ret: 2, status: 256, rusage: 'unspecified' },
  ],
  log: ['abort2 line'],
  md: [{ hook: 'cpu_exit', pid: 2 }],
  trace: [{ kind: 'reap', pid: 2, by: 1, ticks: 0 }, { kind: 'stop', pid: 2, sig: 'SIGSTOP', traced: true }],
};

export const CONFIG: Config = { ...DEFAULT_CONFIG };

export const VALID_RESPONSES: Response[] = [
  { type: 'hello', seq: 0, version: 1, name: 'sample', snapshots: true },
  { type: 'ok', seq: 0 },
  { type: 'result', seq: 0, result: FORK_RESULT },
  { type: 'snapshot', seq: 0, snapshot: INIT_SNAPSHOT },
  { type: 'error', seq: 0, error: { kind: 'rejected', message: 'pid 9 does not exist' } },
];

export const VALID_REQUESTS: Request[] = [
  { type: 'hello', seq: 0, version: 1, profile: 'freebsd-r176365' },
  { type: 'reset', seq: 1, config: CONFIG },
  { type: 'step', seq: 2, index: 0, step: { pid: 1, call: 'wait4', wpid: -1, options: ['WNOHANG'], status: 'valid', rusage: 'null' } },
  { type: 'step', seq: 3, index: 1, step: { pid: 1, call: 'kill', target: 2, sig: 'SIGKILL' } },
  { type: 'step', seq: 4, index: 2, step: { pid: 1, call: 'abort2', why: null, nargs: 0, args: null } },
  { type: 'snapshot', seq: 5 },
  { type: 'bye', seq: 6 },
];
