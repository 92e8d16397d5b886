import { Kernel, type Proc } from '../../oracle';
import { kernelMutant } from '../mutant';

/** The give-back leaves p_oppid set, so the original parent's wait gives the zombie back to itself for ever. */
class GivebackKeepsOppid extends Kernel {
  protected override giveBack(q: Proc, p: Proc): boolean {
    const oppid = p.oppid;
    const given = super.giveBack(q, p);
    if (given) p.oppid = oppid;
    return given;
  }
}

export const givebackKeepsOppid = kernelMutant(
  'giveback-keeps-oppid',
  'kern_exit.c:725-727',
  'The give-back of a traced zombie to its original parent does not clear p_oppid: the original parent\'s wait reports it again and again and never reaps it.',
  GivebackKeepsOppid,
);
