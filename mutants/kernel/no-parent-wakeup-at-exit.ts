import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** exit1 does not wake the parent before becoming a zombie. */
class NoParentWakeupAtExit extends Kernel {
  private silenced: Proc | null = null;

  protected override wakeParentAndBecomeZombie(p: Proc): void {
    this.silenced = p.pptr;
    try {
      super.wakeParentAndBecomeZombie(p);
    } finally {
      this.silenced = null;
    }
  }

  override wakeup(p: Proc): void {
    if (p !== this.silenced) super.wakeup(p);
  }
}

export const noParentWakeupAtExit = kernelMutant(
  'no-parent-wakeup-at-exit',
  'kern_exit.c:512',
  'The wakeup(p->p_pptr) before the zombie state is missing: a parent asleep in wait4 is not woken by its child\'s exit (nor a vfork parent by its child\'s).',
  NoParentWakeupAtExit,
);
