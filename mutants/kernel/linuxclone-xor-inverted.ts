import { Kernel, type Proc } from '../../oracle';
import type { WaitOutcome } from '../../oracle/wait/wait-result';
import { kernelMutant } from '../mutant';

/** The WLINUXCLONE filter is inverted: plain waits see only Linux threads, WLINUXCLONE waits only processes. */
class LinuxcloneXorInverted extends Kernel {
  protected override waitScan(q: Proc, pid: number, options: number, rusage: boolean): WaitOutcome {
    return super.waitScan(q, pid, (options ^ this.profile.waitOptionBits.WLINUXCLONE!) >>> 0, rusage);
  }
}

export const linuxcloneXorInverted = kernelMutant(
  'linuxclone-xor-inverted',
  'kern_exit.c:699-703',
  'The p_sigparent / WLINUXCLONE test is inverted (== for ^): an ordinary wait skips ordinary children and finds only RFLINUXTHPN ones.',
  LinuxcloneXorInverted,
);
