import type { Config, ProfileName } from '../../interleaving';
import { pidSpaceFits } from '../../oracle/validate-config';
import type { Rng } from './rng';

/**
 * `c` without a pid space the profile refuses (validateConfig's rule: on Linux pids wrap to
 * RESERVED_PIDS, linux.md J3, so a tiny pid space is FreeBSD's only).
 */
export function withPidSpaceFor(c: Partial<Config>, profile: ProfileName): Partial<Config> {
  if (c.pidMax === undefined || pidSpaceFits(profile, c.pidMax)) return c;
  const { pidMax: _max, pidFloor: _floor, ...rest } = c;
  return rest;
}

/**
 * A run's kernel configuration for `profile` (named in it when given). Two runs in five draw a tiny
 * pid space so pids are reused (§3.2, §9.5, E1), kept where the profile takes it; a fork that finds
 * no free pid is rejected by the model and replaced. A few runs get a small RLIMIT_NPROC (EAGAIN
 * after setuid) or a small maxproc (EAGAIN for everyone). The draws do not depend on the profile.
 */
export function pickConfig(rng: Rng, profile?: ProfileName): Partial<Config> {
  // `withPidSpaceFor`'s rule applied as the fields are set, the profile last: a spread with an added field costs ~0.4 µs on Node 20.
  const config: Partial<Config> = {};
  if (rng.chance(0.4)) {
    const pidMax = rng.int(6, 12);
    if (profile === undefined || pidSpaceFits(profile, pidMax)) {
      config.pidMax = pidMax;
      config.pidFloor = 2;
    }
  }
  if (rng.chance(0.05)) config.nprocLimit = rng.int(1, 3);
  if (rng.chance(0.05)) config.maxproc = rng.int(3, 6);
  if (profile !== undefined) config.profile = profile;
  return config;
}
