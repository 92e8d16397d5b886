import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** Reaping does not add the child's usage to the reaper's children totals. */
class NoCruAtReap extends Kernel {
  protected override reapZombie(q: Proc, p: Proc): void {
    const cru = q.cru;
    super.reapZombie(q, p);
    q.cru = cru;
  }
}

export const noCruAtReap = kernelMutant(
  'no-cru-at-reap',
  'kern_exit.c:757-758',
  'The reaper\'s p_cru is not updated when a zombie is freed: getrusage(RUSAGE_CHILDREN) and the reaper\'s own exit rusage miss the child.',
  NoCruAtReap,
);
