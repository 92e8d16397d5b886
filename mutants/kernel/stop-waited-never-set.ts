import { Kernel, type Proc } from '../../oracle';
import { P_WAITED } from '../../oracle/kernel/flags';
import type { WaitResult } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** A reported stop is not marked P_WAITED. */
class StopWaitedNeverSet extends Kernel {
  protected override reportStop(q: Proc, p: Proc, rusage: boolean): WaitResult {
    const r = super.reportStop(q, p, rusage);
    p.flag &= ~P_WAITED;
    return r;
  }
}

export const stopWaitedNeverSet = kernelMutant(
  'stop-waited-never-set',
  'kern_exit.c:803',
  'Reporting a stopped child does not set P_WAITED: the same stop is reported to every later wait, and ptrace requests that need a waited-for tracee fail with EBUSY.',
  StopWaitedNeverSet,
);
