import { Kernel, FREEBSD_R176365, type MachineDependent } from '../../oracle';
import type { Config } from '../../interleaving';
import { kernelMutant } from '../mutant';

/** proc_reparent appends to the new parent's children instead of inserting at the head. */
class ReparentInsertsAtTail extends Kernel {
  constructor(config: Config, profile: typeof FREEBSD_R176365, md: MachineDependent, tracing: boolean) {
    super(config, { ...profile, reparentInsertsAt: 'tail' }, md, tracing);
  }
}

export const reparentInsertsAtTail = kernelMutant(
  'reparent-inserts-at-tail',
  'kern_exit.c:872',
  'proc_reparent inserts the child at the tail of the new parent\'s list (as Linux does) instead of the head, so init\'s wait4(-1) reports reparented zombies in another order.',
  ReparentInsertsAtTail,
);
