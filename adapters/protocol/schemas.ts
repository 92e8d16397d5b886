import {
  CALL_NAMES, ERRNO_NAMES, PROFILE_NAMES, PTRACE_REQUEST_NAMES, RFORK_FLAG_NAMES, SA_FLAG_NAMES, SIGNAL_NAMES,
  WAIT_OPTION_NAMES,
} from '../../interleaving';

/**
 * JSON Schemas (draft-07) of every line-protocol message, built from the shared symbol lists so
 * that a new signal or call name is accepted by the protocol the moment the contract gains it.
 * docs/protocol.md prints these; a test keeps the two equal.
 */
export type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const int: Schema = { type: 'integer' };
const nat: Schema = { type: 'integer', minimum: 0 };
const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
const list = (items: Schema): Schema => ({ type: 'array', items });
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const oneOfStrings = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });

/** A closed object: the listed fields, the required ones present, nothing else. */
function obj(required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return {
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
  };
}

/** A tagged union of closed objects (ajv's `discriminator`: errors come from the matching branch only). */
function tagged(tag: string, branches: Record<string, [Record<string, Schema>, Record<string, Schema>?]>): Schema {
  return {
    type: 'object',
    discriminator: { propertyName: tag },
    properties: { [tag]: { type: 'string' } },
    required: [tag],
    oneOf: Object.entries(branches).map(([value, [req, opt]]) => obj({ [tag]: { const: value }, ...req }, opt)),
  };
}

const caller = { pid: int };

const STEP = tagged('call', {
  fork: [caller],
  vfork: [caller],
  rfork: [{ ...caller, flags: list(ref('rforkFlag')) }],
  thr_new: [caller],
  exit: [{ ...caller, code: int }],
  abort2: [
    { ...caller, why: nullable(str), nargs: int, args: nullable(list(int)) },
    { badWhy: bool, badArgs: bool },
  ],
  wait4: [
    { ...caller, wpid: int, options: list(ref('waitOption')), status: ref('userPtr'), rusage: ref('userPtr') },
    { extraBits: int },
  ],
  owait: [caller],
  kill: [{ ...caller, target: int, sig: ref('sig') }],
  sigaction: [{ ...caller, sig: ref('sig'), handler: ref('handler'), flags: list(ref('saFlag')) }],
  sigprocmask: [{ ...caller, how: oneOfStrings(['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK']), sigs: list(ref('signalName')) }],
  ptrace: [{ ...caller, req: ref('ptraceRequest'), target: int, data: ref('sig') }],
  setpgid: [{ ...caller, target: int, pgid: int }],
  setsid: [caller],
  setctty: [caller],
  tcsetpgrp: [{ ...caller, pgid: int }],
  execve: [caller, { path: str }],
  setuid: [{ ...caller, uid: int }],
  run: [{ ...caller, ticks: nat }],
  getppid: [caller],
  getpgid: [{ ...caller, target: int }],
  getsid: [{ ...caller, target: int }],
  getrusage: [{ ...caller, who: oneOfStrings(['RUSAGE_SELF', 'RUSAGE_CHILDREN']) }],
  sigpending: [caller],
});

const UNSPECIFIED: Schema = { const: 'unspecified' };
const RUSAGE = obj({ utime: { type: 'number', minimum: 0 } });

const OBSERVATION = obj(
  { step: nat, pid: int, call: ref('callName'), kind: oneOfStrings(['return', 'sleep', 'noreturn']) },
  {
    ret: int,
    ret1: int,
    errno: ref('errnoName'),
    status: { anyOf: [int, UNSPECIFIED] },
    rusage: { anyOf: [ref('rusage'), UNSPECIFIED] },
    sigs: list(ref('signalName')),
  },
);

const MD_CALL = obj({
  hook: oneOfStrings(['cpu_exit', 'cpu_thread_exit', 'vmspace_exit', 'sched_exit', 'thread_exit', 'thread_wait', 'vm_waitproc']),
  pid: int,
});

const TRACE_EVENT = tagged('kind', {
  exit: [{ pid: int, xstat: int }],
  reap: [{ pid: int, by: int, ticks: { type: 'number' } }],
  report: [{ pid: int, to: int, what: oneOfStrings(['exit', 'stop', 'continue']) }],
  giveback: [{ pid: int, from: int, to: int }],
  reparent: [{ pid: int, from: int, to: int }],
  stop: [{ pid: int, sig: ref('signalName'), traced: bool }],
  continue: [{ pid: int }],
  handler: [{ pid: int, sig: ref('signalName') }, { code: int, from: int, status: int }],
  wakeup: [{ pid: int, chan: oneOfStrings(['wait', 'ppwait', 'exit1']) }],
});

const STEP_RESULT = obj(
  { observations: list(ref('observation')), log: list(str) },
  { panic: str, md: list(ref('mdCall')), trace: list(ref('traceEvent')) },
);

const SLEEP = tagged('chan', {
  wait: [{ step: nat }],
  ppwait: [{ step: nat, child: int }],
  exit1: [{ step: nat }],
});

const PROC_VIEW = obj({
  pid: int,
  state: oneOfStrings(['NEW', 'NORMAL', 'ZOMBIE']),
  flags: list(str),
  ppid: int,
  children: list(int),
  oppid: int,
  pgid: int,
  sid: int,
  sigparent: { anyOf: [ref('signalName'), { const: 0 }] },
  xstat: int,
  ksiQueuedAt: nullable(int),
  sigchld: obj({ handler: ref('handler'), flags: list(ref('saFlag')) }),
  psFlags: list(str),
  pending: list(ref('signalName')),
  blocked: list(ref('signalName')),
  threads: nat,
  leader: int,
  peers: list(int),
  ru: ref('rusage'),
  cru: ref('rusage'),
  uid: int,
  sleeping: nullable(ref('sleep')),
  handled: list(obj({ sig: ref('signalName') }, { code: int, from: int, status: int })),
});

const SNAPSHOT = obj({
  procs: list(ref('procView')),
  pgrps: list(obj({ pgid: int, sid: int, members: list(int), jobc: int })),
  sessions: list(obj({ sid: int, leader: nullable(int), tty: bool, fg: nullable(int) })),
  nprocs: nat,
  uidCounts: { type: 'object', propertyNames: { pattern: '^-?[0-9]+$' }, additionalProperties: nat },
  lastpid: int,
  panic: nullable(str),
});

const CONFIG = obj({ profile: ref('profileName'), pidMax: nat, pidFloor: nat, maxproc: nat, nprocLimit: nat });

/** The shared vocabulary every message refers to. */
export const DEFINITIONS: Record<string, Schema> = {
  signalName: oneOfStrings(SIGNAL_NAMES),
  sig: { anyOf: [ref('signalName'), int] },
  errnoName: oneOfStrings(ERRNO_NAMES),
  waitOption: oneOfStrings(WAIT_OPTION_NAMES),
  rforkFlag: oneOfStrings(RFORK_FLAG_NAMES),
  saFlag: oneOfStrings(SA_FLAG_NAMES),
  ptraceRequest: oneOfStrings(PTRACE_REQUEST_NAMES),
  handler: oneOfStrings(['SIG_DFL', 'SIG_IGN', 'catch']),
  userPtr: oneOfStrings(['valid', 'null', 'fault']),
  callName: oneOfStrings(CALL_NAMES),
  profileName: oneOfStrings(PROFILE_NAMES),
  config: CONFIG,
  step: STEP,
  rusage: RUSAGE,
  observation: OBSERVATION,
  mdCall: MD_CALL,
  traceEvent: TRACE_EVENT,
  stepResult: STEP_RESULT,
  sleep: SLEEP,
  procView: PROC_VIEW,
  snapshot: SNAPSHOT,
};

const seq = nat;
const envelope = (type: string, fields: Record<string, Schema> = {}): Schema => obj({ type: { const: type }, seq, ...fields });

/** Requests, client to implementation, by `type`. */
export const REQUEST_SCHEMAS: Record<string, Schema> = {
  hello: envelope('hello', { version: nat, profile: ref('profileName') }),
  reset: envelope('reset', { config: ref('config') }),
  step: envelope('step', { index: nat, step: ref('step') }),
  snapshot: envelope('snapshot'),
  bye: envelope('bye'),
};

/** Responses, implementation to client, by `type`. */
export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  hello: envelope('hello', { version: nat, name: { type: 'string', minLength: 1 }, snapshots: bool }),
  ok: envelope('ok'),
  result: envelope('result', { result: ref('stepResult') }),
  snapshot: envelope('snapshot', { snapshot: ref('snapshot') }),
  // seq -1: the server could not read the request's seq (a malformed request).
  error: obj({
    type: { const: 'error' },
    seq: { type: 'integer', minimum: -1 },
    error: obj({ kind: oneOfStrings(['rejected', 'unsupported', 'internal', 'protocol']), message: str }),
  }),
};
