import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** exit1 forgets to add the reaped children's usage to the zombie's own. */
class NoRuaddAtExit extends Kernel {
  protected override collectChildUsage(_p: Proc): void {}
}

export const noRuaddAtExit = kernelMutant(
  'no-ruadd-at-exit',
  'kern_exit.c:526-529',
  'The ruadd at the end of exit1 is missing: the rusage wait4 reports for a zombie leaves out the grandchildren it reaped.',
  NoRuaddAtExit,
);
