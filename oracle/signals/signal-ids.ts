// Not from the index: its re-exports are getters, a call per use, and sigName runs in every proc view.
import { SIGNAL_NAMES, type SignalName } from '../../interleaving/symbols';

/**
 * The oracle's internal signal ids: the position in SIGNAL_NAMES plus one, i.e. FreeBSD's numbers.
 * Profiles map ids to their platform numbers at the boundaries (status words, range checks);
 * inside, pending and blocked sets are 32-bit masks indexed by id.
 */
export const NSIG_NAMED = SIGNAL_NAMES.length;

const ID = new Map<SignalName, number>(SIGNAL_NAMES.map((n, i) => [n, i + 1]));

/** The id of a signal name. */
export function sigId(name: SignalName): number {
  return ID.get(name)!;
}

/** The name of an id (1..32). */
export function sigName(id: number): SignalName {
  return SIGNAL_NAMES[id - 1];
}

/** The mask bit of an id. */
export function sigBit(id: number): number {
  return 1 << (id - 1);
}

/** The lowest id in a non-empty mask (sig_ffs). */
export function lowestSig(mask: number): number {
  return 32 - Math.clz32(mask & -mask);
}

/** Names of the ids in a mask, in id order. */
export function maskNames(mask: number): SignalName[] {
  const out: SignalName[] = [];
  for (let id = 1; id <= NSIG_NAMED; id++) if (mask & sigBit(id)) out.push(sigName(id));
  return out;
}

export const SIGHUP = sigId('SIGHUP');
export const SIGTRAP = sigId('SIGTRAP');
export const SIGABRT = sigId('SIGABRT');
export const SIGKILL = sigId('SIGKILL');
export const SIGSTOP = sigId('SIGSTOP');
export const SIGCONT = sigId('SIGCONT');
export const SIGCHLD = sigId('SIGCHLD');
export const SIGUSR1 = sigId('SIGUSR1');
export const SIGTHR = sigId('SIGTHR');

/** SIGKILL and SIGSTOP can be neither blocked nor caught. */
export const UNBLOCKABLE = sigBit(SIGKILL) | sigBit(SIGSTOP);
