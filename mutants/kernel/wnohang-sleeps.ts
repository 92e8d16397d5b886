import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** WNOHANG is ignored: a wait with nothing to report sleeps. */
class WnohangSleeps extends Kernel {
  protected override waitScan(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    return super.waitScan(q, pid, options & ~this.profile.waitOptionBits.WNOHANG!, rusage);
  }
}

export const wnohangSleeps = kernelMutant(
  'wnohang-sleeps',
  'kern_exit.c:837-841',
  'The WNOHANG test is missing: a wait with children but nothing to report goes to sleep instead of returning 0.',
  WnohangSleeps,
);
