import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** wpid 0 waits for any child instead of the caller's own process group. */
class Pid0IsWaitAny extends Kernel {
  override kern_wait(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    return super.kern_wait(q, pid === 0 ? -1 : pid, options, rusage);
  }
}

export const pid0IsWaitAny = kernelMutant(
  'pid0-is-wait-any',
  'kern_exit.c:664-668',
  'wait4(0, …) is treated as WAIT_ANY instead of "my process group": children in other groups are reported too.',
  Pid0IsWaitAny,
);
