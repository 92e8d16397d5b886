import type { Config } from '../interleaving';
import { profileFor } from './profiles';

/** Reject a config the model cannot run, naming the field. */
export function validateConfig(c: Config): void {
  const int = (field: keyof Config, min: number) => {
    const v = c[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new Error(`config.${field} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    }
  };
  int('pidMax', 3);
  int('pidFloor', 2);
  int('maxproc', 1);
  int('nprocLimit', 1);
  if (c.pidFloor >= c.pidMax) throw new Error(`config.pidFloor (${c.pidFloor}) must be below config.pidMax (${c.pidMax})`);
  // Pids wrap to the profile's floor (Linux: RESERVED_PIDS, linux.md J3), which must lie below the top; Linux refuses pid_max ≤ 300 itself.
  const floor = profileFor(c.profile).pidWrapFloor;
  if (floor !== null && c.pidMax <= floor) throw new Error(`config.pidMax (${c.pidMax}) must be above ${floor} on the ${c.profile} profile: pids wrap to ${floor}`);
}
