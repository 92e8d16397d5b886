import type { Observation, StepOf } from '../../interleaving';
import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** abort2 lets args == NULL pass when nargs is 0 (the seed does not: E7). */
class Abort2NullArgsAccepted extends Kernel {
  override sys_abort2(p: Proc, a: StepOf<'abort2'>): Observation {
    return super.sys_abort2(p, a.args === null && a.nargs === 0 ? { ...a, args: [] } : a);
  }
}

export const abort2NullArgsAccepted = kernelMutant(
  'abort2-null-args-accepted',
  'kern_exit.c:575-576',
  'The args == NULL test is skipped when nargs is 0: such a call logs its reason and dies by SIGABRT instead of "(Reason text inaccessible)" and SIGKILL (E7).',
  Abort2NullArgsAccepted,
);
