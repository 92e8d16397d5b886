import type { Config } from '../../interleaving';
import type { Rng } from './rng';

/**
 * A run's kernel configuration. Two runs in five get a tiny pid space so pids are reused
 * (§3.2, §9.5, E1); a fork that finds no free pid is rejected by the model and replaced. A few runs
 * get a small RLIMIT_NPROC (EAGAIN after setuid) or a small maxproc (EAGAIN for everyone).
 */
export function pickConfig(rng: Rng): Partial<Config> {
  const config: Partial<Config> = {};
  if (rng.chance(0.4)) {
    config.pidMax = rng.int(6, 12);
    config.pidFloor = 2;
  }
  if (rng.chance(0.05)) config.nprocLimit = rng.int(1, 3);
  if (rng.chance(0.05)) config.maxproc = rng.int(3, 6);
  return config;
}
