import { join } from 'node:path';
import { protocolMutant } from './protocol-mutant';
import { repoRoot } from './repo-paths';

/** The Python proxy mutants/python/wnohang-echild.py. */
export const wnohangEchild = protocolMutant(
  'py-wnohang-echild',
  'kern_exit.c:837-841',
  'A Python 3 program in front of the oracle server (mutants/python/wnohang-echild.py): a WNOHANG wait4 with children but nothing to report fails with ECHILD instead of returning 0.',
  () => [process.env.PYTHON ?? 'python3', join(repoRoot(), 'mutants/python/wnohang-echild.py')],
);
