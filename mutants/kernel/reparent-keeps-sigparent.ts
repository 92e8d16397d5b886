import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** Children reparented to init keep their p_sigparent instead of being reset to SIGCHLD. */
class ReparentKeepsSigparent extends Kernel {
  protected override reparentChildrenToInit(p: Proc): void {
    const kept = p.children.map((q) => [q, q.sigparent] as const);
    super.reparentChildrenToInit(p);
    for (const [q, sig] of kept) q.sigparent = sig;
  }
}

export const reparentKeepsSigparent = kernelMutant(
  'reparent-keeps-sigparent',
  'kern_exit.c:430',
  'Children reparented to init at exit keep their old p_sigparent (an RFLINUXTHPN child stays a "Linux thread"), so init\'s plain wait4 skips them.',
  ReparentKeepsSigparent,
);
