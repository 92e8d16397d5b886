import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** Freeing a zombie does not decrement nprocs, so the process table fills up. */
class NprocsNotDecremented extends Kernel {
  protected override reapZombie(q: Proc, p: Proc): void {
    super.reapZombie(q, p);
    this.nprocs++;
  }
}

export const nprocsNotDecremented = kernelMutant(
  'nprocs-not-decremented',
  'kern_exit.c:793-795',
  'The nprocs-- at the end of the reap is missing: every reaped process stays counted, and fork fails with EAGAIN once kern.maxproc is reached.',
  NprocsNotDecremented,
);
