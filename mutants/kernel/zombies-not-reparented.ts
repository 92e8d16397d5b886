import { Kernel, type Proc } from '../../oracle';
import { PRS_ZOMBIE } from '../../oracle/kernel/flags';
import { kernelMutant } from '../mutant';

/** The reparenting loop skips zombie children: they stay on the dead parent's list, and init never reaps them. */
class ZombiesNotReparented extends Kernel {
  protected override reparentChildrenToInit(p: Proc): void {
    const zombies = p.children.filter((q) => q.state === PRS_ZOMBIE);
    const kept = p.children.splice(0, p.children.length);
    p.children.push(...kept.filter((q) => q.state !== PRS_ZOMBIE));
    super.reparentChildrenToInit(p);
    p.children.push(...zombies);
  }
}

export const zombiesNotReparented = kernelMutant(
  'zombies-not-reparented',
  'kern_exit.c:423-440',
  'exit1 reparents only its live children to init; zombie children stay on the dead parent, so init never finds them.',
  ZombiesNotReparented,
);
