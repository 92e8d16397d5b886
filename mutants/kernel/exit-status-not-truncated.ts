import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** The exit status is kept whole instead of truncated to the 16-bit p_xstat. */
class ExitStatusNotTruncated extends Kernel {
  protected override saveExitStatus(p: Proc, rv: number): void {
    super.saveExitStatus(p, rv);
    p.xstat = rv;
  }
}

export const exitStatusNotTruncated = kernelMutant(
  'exit-status-not-truncated',
  'kern_exit.c:444',
  'p_xstat keeps all of rv, not its low 16 bits (u_short): exit(256) is reported as status 0x10000 instead of 0, exit(-1) as a negative word.',
  ExitStatusNotTruncated,
);
