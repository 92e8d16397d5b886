import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** The continue branch tests P_CONTINUED alone, as if WCONTINUED were always given. */
class ContinuedWithoutWcontinued extends Kernel {
  protected override waitScan(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    return super.waitScan(q, pid, options | this.profile.waitOptionBits.WCONTINUED!, rusage);
  }
}

export const continuedWithoutWcontinued = kernelMutant(
  'continued-without-wcontinued',
  'kern_exit.c:817',
  'A continued child is reported to any wait, without the WCONTINUED option.',
  ContinuedWithoutWcontinued,
);
