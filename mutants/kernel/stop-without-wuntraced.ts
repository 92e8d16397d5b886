import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** The stop branch reports untraced stops as if WUNTRACED were always given. */
class StopWithoutWuntraced extends Kernel {
  protected override waitScan(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    return super.waitScan(q, pid, options | this.profile.waitOptionBits.WUNTRACED!, rusage);
  }
}

export const stopWithoutWuntraced = kernelMutant(
  'stop-without-wuntraced',
  'kern_exit.c:798-801',
  'A child stopped by a signal (not traced) is reported to a wait without WUNTRACED.',
  StopWithoutWuntraced,
);
