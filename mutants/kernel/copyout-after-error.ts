import type { Observation, StepOf } from '../../interleaving';
import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** wait4 copies the status out even when kern_wait failed; a bad status pointer turns the error into EFAULT. */
class CopyoutAfterError extends Kernel {
  override sys_wait4(q: Proc, a: StepOf<'wait4'>): Observation {
    const o = super.sys_wait4(q, a);
    if (o.errno !== undefined && o.errno !== 'EFAULT' && a.status === 'fault') return { ...o, errno: 'EFAULT' };
    return o;
  }
}

export const copyoutAfterError = kernelMutant(
  'copyout-after-error',
  'kern_exit.c:647-648',
  'wait4 copies the status out without checking kern_wait\'s error: with a faulting status pointer, a wait4 that fails at once (ECHILD, EINVAL) fails with EFAULT instead.',
  CopyoutAfterError,
);
