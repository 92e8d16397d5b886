import { SIGNAL_NAMES, StepRejected, type Sig, type SignalName } from '../../interleaving';
import type { Profile } from '../profiles/profile';
import { sigId } from './signal-ids';
import { INT32, isIn } from '../kernel/step-args';

/** An id for a named signal; this for a valid number the profile gives no name. */
export const UNNAMED = -1;

const NAMES = new Set<string>(SIGNAL_NAMES);

/**
 * A signal argument as an id: 0 for the null signal, UNNAMED for a valid number without a name,
 * or 'EINVAL' outside 0..maxsig (the u_int compare of kill/ptrace) or for a name the platform lacks.
 * Malformed values (non-integers, unknown names) are rejected as steps.
 */
export function resolveSignal(sig: Sig, profile: Profile, call: string, field: string): number | 'EINVAL' {
  if (typeof sig === 'number') {
    if (!isIn(sig, INT32)) throw new StepRejected(call, `${field} must be ${INT32.name} or a signal name, got ${sig}`);
    if (sig < 0 || sig > profile.numbering.maxsig) return 'EINVAL';
    if (sig === 0) return 0;
    const name = profile.numbering.signame(sig);
    return name === undefined ? UNNAMED : sigId(name);
  }
  if (typeof sig !== 'string' || !NAMES.has(sig)) throw new StepRejected(call, `${field}: unknown signal ${JSON.stringify(sig)}`);
  if (profile.numbering.signo(sig as SignalName) < 0) return 'EINVAL';
  return sigId(sig as SignalName);
}
