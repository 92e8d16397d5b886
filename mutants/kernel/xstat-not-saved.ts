import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** exit1 does not store the exit status: wait reports whatever p_xstat held (0, or the last stop signal). */
class XstatNotSaved extends Kernel {
  protected override saveExitStatus(_p: Proc, _rv: number): void {}
}

export const xstatNotSaved = kernelMutant(
  'xstat-not-saved',
  'kern_exit.c:443-444',
  'exit1 never saves rv in p_xstat: wait reports a stale status (0, or the signal of the last stop) instead of the exit code or killing signal.',
  XstatNotSaved,
);
