import type { ErrnoName } from '../../interleaving';

/**
 * What kern_wait hands back to wait4/owait: an error, or td_retval[0] plus the kernel-local status
 * and rusage, each null where kern_wait did not write it (wait4 then copies out stack garbage, E5).
 */
export interface WaitResult {
  error: ErrnoName | null;
  ret: number;
  status: number | null;
  rusage: number | null;
}

/** kern_wait went to sleep ("wait", PWAIT|PCATCH, kern_exit.c:848). */
export const WAIT_SLEEPS = 'sleep' as const;
export type WaitOutcome = WaitResult | typeof WAIT_SLEEPS;
