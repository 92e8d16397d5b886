import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** A parent with SA_NOCLDWAIT or SIGCHLD ignored still gets a zombie. */
class NocldwaitKeepsZombie extends Kernel {
  protected override handToInitIfParentIgnores(_p: Proc): void {}
}

export const nocldwaitKeepsZombie = kernelMutant(
  'nocldwait-keeps-zombie',
  'kern_exit.c:465-481',
  'The PS_NOCLDWAIT / PS_CLDSIGIGN test is missing: the exiting child stays a zombie of its parent instead of going to init, and the parent\'s wait reaps it.',
  NocldwaitKeepsZombie,
);
