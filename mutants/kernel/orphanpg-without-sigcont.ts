import { Kernel, type Pgrp, type Proc } from '../../oracle';
import { SIGCONT } from '../../oracle/signals/signal-ids';
import { kernelMutant } from '../mutant';

/** A newly orphaned process group with a stopped member gets SIGHUP but no SIGCONT. */
class OrphanpgWithoutSigcont extends Kernel {
  private orphaning = false;

  override orphanpg(pg: Pgrp): void {
    this.orphaning = true;
    try {
      super.orphanpg(pg);
    } finally {
      this.orphaning = false;
    }
  }

  override psignal(p: Proc, id: number): void {
    if (!(this.orphaning && id === SIGCONT)) super.psignal(p, id);
  }
}

export const orphanpgWithoutSigcont = kernelMutant(
  'orphanpg-without-sigcont',
  'kern_exit.c:347 (fixjobc → orphanpg)',
  'orphanpg, which exit1 reaches through fixjobc (L347) as setpgid does, sends a newly orphaned group with a stopped member SIGHUP but not SIGCONT: the stopped members stay stopped with SIGHUP pending instead of dying.',
  OrphanpgWithoutSigcont,
);
