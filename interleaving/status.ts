import type { ProfileName, SignalName } from './symbols';
import { NUMBERING } from './numbering';

/**
 * A wait status decoded by the profile's wait.h macros, with symbolic signal names so statuses of
 * different platforms compare. At r176365 0x13 satisfies both WIFCONTINUED and WIFSIGNALED (E14);
 * by semantics.md §9.3 it decodes as continued.
 */
export type DecodedStatus =
  | { kind: 'exited'; code: number }
  | { kind: 'signaled'; sig: SignalName | number; core: boolean }
  | { kind: 'stopped'; sig: SignalName | number }
  | { kind: 'continued' };

export function decodeStatus(raw: number, profile: ProfileName): DecodedStatus {
  const num = NUMBERING[profile];
  const name = (n: number) => num.signame(n) ?? n;
  if (raw === num.continuedStatus) return { kind: 'continued' };
  const low = raw & 0x7f;
  if (low === 0) return { kind: 'exited', code: (raw >> 8) & 0xff };
  if (low === 0x7f) return { kind: 'stopped', sig: name((raw >> 8) & 0xff) };
  return { kind: 'signaled', sig: name(low), core: (raw & 0x80) !== 0 };
}

/** The raw status word for a decoded status in a profile's encoding (W_EXITCODE, W_STOPCODE). */
export function encodeStatus(s: DecodedStatus, profile: ProfileName): number {
  const num = NUMBERING[profile];
  const no = (sig: SignalName | number) => (typeof sig === 'number' ? sig : num.signo(sig));
  switch (s.kind) {
    case 'exited':
      return (s.code & 0xff) << 8;
    case 'signaled':
      return no(s.sig) | (s.core ? 0x80 : 0);
    case 'stopped':
      return (no(s.sig) << 8) | 0x7f;
    case 'continued':
      return num.continuedStatus;
  }
}
