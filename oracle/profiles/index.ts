import { ConfigInvalid, type ProfileName } from '../../interleaving';
import { FREEBSD_R176365 } from './freebsd-r176365';
import { LINUX } from './linux';
import type { Profile } from './profile';

export type { Profile } from './profile';
export { FREEBSD_R176365 } from './freebsd-r176365';
export { LINUX } from './linux';

/** The profiles the oracle implements. */
export const PROFILES: Readonly<Partial<Record<ProfileName, Profile>>> = {
  'freebsd-r176365': FREEBSD_R176365,
  linux: LINUX,
};

/** The profile for a config name, or a clear error naming the ones available. */
export function profileFor(name: string): Profile {
  const p = (PROFILES as Record<string, Profile | undefined>)[name];
  if (!p) {
    throw new ConfigInvalid(`config.profile: the oracle has no profile '${name}' (available: ${Object.keys(PROFILES).join(', ')})`);
  }
  return p;
}
