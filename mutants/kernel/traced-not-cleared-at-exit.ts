import { Kernel, type Proc } from '../../oracle';
import { P_PPWAIT } from '../../oracle/kernel/flags';
import { kernelMutant } from '../mutant';

/** exit1 clears P_PPWAIT but leaves P_TRACED set on the exiting process. */
class TracedNotClearedAtExit extends Kernel {
  protected override untraceSelf(p: Proc): void {
    p.flag &= ~P_PPWAIT;
  }
}

export const tracedNotClearedAtExit = kernelMutant(
  'traced-not-cleared-at-exit',
  'kern_exit.c:233-235',
  'exit1 does not clear P_TRACED: the zombie of a traced process still counts as traced in the process table (the wait paths look at the zombie state first, so only the table shows it).',
  TracedNotClearedAtExit,
);
