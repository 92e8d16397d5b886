import type { ProfileName } from './symbols';

/** Kernel configuration for one interleaving. Every field has a default (`withDefaults`). */
export interface Config {
  profile: ProfileName;
  /** PID_MAX: never handed out; the allocator wraps below it (semantics.md §3.2, §9.5). */
  pidMax: number;
  /** The wrap floor: after wrapping, pids below it are skipped (FreeBSD 100). */
  pidFloor: number;
  /** kern.maxproc (semantics.md §3.1 step 3). */
  maxproc: number;
  /** RLIMIT_NPROC soft limit for non-root real uids (semantics.md §3.1 step 4). */
  nprocLimit: number;
}

export const DEFAULT_CONFIG: Config = {
  profile: 'freebsd-r176365',
  pidMax: 99999,
  pidFloor: 100,
  maxproc: 6000,
  nprocLimit: 3000,
};

export function withDefaults(partial: Partial<Config> = {}): Config {
  return { ...DEFAULT_CONFIG, ...partial };
}
