import { Kernel, type Proc } from '../../oracle';
import { P_TRACED } from '../../oracle/kernel/flags';
import { kernelMutant } from '../mutant';

/** exit1 clears P_TRACED but leaves P_PPWAIT: a vfork parent woken by the exit sleeps on. */
class PpwaitNotClearedAtExit extends Kernel {
  protected override untraceSelf(p: Proc): void {
    p.flag &= ~P_TRACED;
  }
}

export const ppwaitNotClearedAtExit = kernelMutant(
  'ppwait-not-cleared-at-exit',
  'kern_exit.c:233-235',
  'exit1 does not clear P_PPWAIT: the vfork parent is woken at L512 but still sees its child in vfork and never returns from vfork.',
  PpwaitNotClearedAtExit,
);
