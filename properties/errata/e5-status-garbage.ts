import { UNSPECIFIED } from '../../interleaving';
import type { Erratum } from './erratum';

/** E5: wait4 copies its uninitialised status out when WNOHANG finds nothing ready (kern_exit.c:637-652). */
export const e5StatusGarbage: Erratum = {
  name: 'erratum-e5-status-garbage',
  erratum: 'E5',
  fixedBy: 'H15: copy out only when a pid was reported (jilles, 2016; test waitpid_nohang)',
  statement: 'a wait4 that reports no child leaves the status word untouched',
  source: 'kern_exit.c:637-652, 837-841; semantics.md §5 E5',
  needs: [],
  start: () => ({
    check({ step, result }) {
      const o = result.observations[0];
      if (step.call !== 'wait4' || o.kind !== 'return' || o.ret !== 0 || o.errno) return null;
      return o.status === UNSPECIFIED ? `wait4(${step.wpid}, WNOHANG) by ${step.pid} returned 0 but wrote an unspecified status` : null;
    },
  }),
};
