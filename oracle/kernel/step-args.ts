import { StepRejected } from '../../interleaving';

/** The values a step's integer argument may take: those of the C type it stands for. */
export interface IntRange {
  /** How a message names the range: `${field} must be ${name}`. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** Any integer (a count the model bounds elsewhere). */
export const ANY_INT: IntRange = { name: 'an integer', min: -Infinity, max: Infinity };
/** A count of ticks or the like. */
export const NATURAL: IntRange = { name: 'an integer ≥ 0', min: 0, max: Infinity };
/** int and pid_t (pids, pgids, signal numbers, exit codes): the fixture schema's int32. */
export const INT32: IntRange = { name: 'a 32-bit integer', min: -0x80000000, max: 0x7fffffff };
/** uid_t and wait's option bits: the fixture schema's uint32. */
export const UINT32: IntRange = { name: 'a 32-bit unsigned integer', min: 0, max: 0xffffffff };

/** Whether `v` is an integer in `range`. */
export function isIn(v: unknown, range: IntRange): v is number {
  return Number.isInteger(v) && (v as number) >= range.min && (v as number) <= range.max;
}

/**
 * Rejects the step unless the argument is an integer its C type holds: a value the type cannot hold
 * never reaches the kernel, so it is a malformed step, not an errno (the fixture schema and the host
 * harness refuse it too).
 */
export function requireInt(call: string, field: string, v: unknown, range: IntRange = ANY_INT): void {
  if (!isIn(v, range)) throw new StepRejected(call, `${field} must be ${range.name}, got ${String(v)}`);
}
