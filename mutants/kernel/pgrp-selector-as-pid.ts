import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** wpid < -1 selects the child whose pid is -wpid instead of the children of process group -wpid. */
class PgrpSelectorAsPid extends Kernel {
  protected override waitScan(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    return super.waitScan(q, pid < -1 ? -pid : pid, options, rusage);
  }
}

export const pgrpSelectorAsPid = kernelMutant(
  'pgrp-selector-as-pid',
  'kern_exit.c:681-682',
  'A wpid below -1 (and wpid 0, which becomes -pgid at L664-668) is matched as the pid -wpid instead of the process group -wpid.',
  PgrpSelectorAsPid,
);
