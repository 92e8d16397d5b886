import type { Config } from '../../interleaving';
import type { Rng } from './rng';

/**
 * A run's kernel configuration. A third of the runs get a tiny pid space so pids are reused
 * (§3.2, §9.5, E1); maxproc keeps a third of it free so the allocator never runs dry. A few runs
 * get a small RLIMIT_NPROC so that fork's EAGAIN path is taken after setuid.
 */
export function pickConfig(rng: Rng): Partial<Config> {
  const config: Partial<Config> = {};
  if (rng.chance(0.35)) {
    config.pidMax = rng.int(14, 24);
    config.pidFloor = 2;
    config.maxproc = Math.floor((config.pidMax - config.pidFloor) / 3);
  }
  if (rng.chance(0.05)) config.nprocLimit = rng.int(1, 3);
  return config;
}
