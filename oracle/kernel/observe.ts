import type { CallName, ErrnoName, Observation } from '../../interleaving';

/** A successful return (td_retval[0] = ret). */
export function returned(step: number, pid: number, call: CallName, ret: number): Observation {
  return { step, pid, call, kind: 'return', ret };
}

/** A failed call: userland sees -1 and errno, so no `ret` is reported. */
export function failed(step: number, pid: number, call: CallName, errno: ErrnoName): Observation {
  return { step, pid, call, kind: 'return', errno };
}

export function slept(step: number, pid: number, call: CallName): Observation {
  return { step, pid, call, kind: 'sleep' };
}

export function noreturn(step: number, pid: number, call: CallName): Observation {
  return { step, pid, call, kind: 'noreturn' };
}
