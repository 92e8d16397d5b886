import { RFORK_FLAG_NAMES, StepRejected, type RforkFlag } from '../../interleaving';

/** rfork flag bits (sys/sys/unistd.h, semantics.md §1.5). */
export const RFFDG = 1 << 2;
export const RFPROC = 1 << 4;
export const RFMEM = 1 << 5;
export const RFNOWAIT = 1 << 6;
export const RFCFDG = 1 << 12;
export const RFTHREAD = 1 << 13;
export const RFSIGSHARE = 1 << 14;
export const RFLINUXTHPN = 1 << 16;
export const RFSTOPPED = 1 << 17;
export const RFHIGHPID = 1 << 18;
export const RFPPWAIT = 1 << 31;
/** Flags rfork(2) refuses from userland. */
export const RFKERNELONLY = RFSTOPPED | RFHIGHPID | RFPPWAIT;

const BITS: Record<RforkFlag, number> = Object.fromEntries(
  RFORK_FLAG_NAMES.map((n) => [n, 0]),
) as Record<RforkFlag, number>;
Object.assign(BITS, {
  RFNAMEG: 1 << 0, RFENVG: 1 << 1, RFFDG, RFNOTEG: 1 << 3, RFPROC, RFMEM, RFNOWAIT, RFCNAMEG: 1 << 10,
  RFCENVG: 1 << 11, RFCFDG, RFTHREAD, RFSIGSHARE, RFLINUXTHPN, RFSTOPPED, RFHIGHPID, RFPPWAIT,
});

/** The bit mask of an rfork step's flag names. */
export function rforkBits(flags: readonly RforkFlag[]): number {
  if (!Array.isArray(flags)) throw new StepRejected('rfork', 'flags must be a list of RF* names');
  let bits = 0;
  for (const f of flags) {
    if (!(f in BITS)) throw new StepRejected('rfork', `flags: unknown flag ${JSON.stringify(f)}`);
    bits |= BITS[f as RforkFlag];
  }
  return bits;
}
