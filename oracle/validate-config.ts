import { ConfigInvalid, type Config, type ProfileName } from '../interleaving';
import { profileFor } from './profiles';

/**
 * Whether a pid space below `pidMax` suits the profile's allocator: it must reach above the pid a
 * wrap goes back to (Linux: RESERVED_PIDS 300, linux.md J3; Linux refuses pid_max ≤ 300 itself).
 */
export function pidSpaceFits(profile: ProfileName, pidMax: number): boolean {
  const floor = profileFor(profile).pidWrapFloor;
  return floor === null || pidMax > floor;
}

/** Reject a config the model cannot run, naming the field. */
export function validateConfig(c: Config): void {
  const int = (field: keyof Config, min: number) => {
    const v = c[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new ConfigInvalid(`config.${field} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    }
  };
  int('pidMax', 3);
  int('pidFloor', 2);
  int('maxproc', 1);
  int('nprocLimit', 1);
  if (c.pidFloor >= c.pidMax) throw new ConfigInvalid(`config.pidFloor (${c.pidFloor}) must be below config.pidMax (${c.pidMax})`);
  if (!pidSpaceFits(c.profile, c.pidMax)) {
    const floor = profileFor(c.profile).pidWrapFloor;
    throw new ConfigInvalid(`config.pidMax (${c.pidMax}) must be above ${floor} on the ${c.profile} profile: pids wrap to ${floor}`);
  }
}
