import { protocolMutant } from './protocol-mutant';
import { buildC } from './build-c';

/** The C proxy mutants/c/echild-as-einval.c. */
export const echildAsEinval = protocolMutant(
  'c-echild-as-einval',
  'kern_exit.c:833-835',
  'A C program in front of the oracle server (mutants/c/echild-as-einval.c): every ECHILD from wait4/owait is answered as EINVAL.',
  () => [buildC('echild-as-einval')],
);
