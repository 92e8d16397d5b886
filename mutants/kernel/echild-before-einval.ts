import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** A childless caller gets ECHILD even when its options are invalid (EINVAL must come first). */
class EchildBeforeEinval extends Kernel {
  override kern_wait(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    if (q.children.length === 0) return super.kern_wait(q, pid, options & this.profile.waitOptionMask, rusage);
    return super.kern_wait(q, pid, options, rusage);
  }
}

export const echildBeforeEinval = kernelMutant(
  'echild-before-einval',
  'kern_exit.c:669-670, 833-835',
  'The "no children" test runs before the option check: a caller without children gets ECHILD for invalid options instead of EINVAL.',
  EchildBeforeEinval,
);
