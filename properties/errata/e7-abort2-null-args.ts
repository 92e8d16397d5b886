import type { Erratum } from './erratum';

/** E7: abort2 treats args == NULL as invalid even with nargs == 0 (kern_exit.c:575-576). */
export const e7Abort2NullArgs: Erratum = {
  name: 'erratum-e7-abort2-null-args',
  erratum: 'E7',
  fixedBy: 'H4(d): abort2 checks args only when nargs > 0 (before 2009-12)',
  statement: 'abort2(why, 0, NULL) is a proper abort: it logs the reason',
  source: 'kern_exit.c:571-576, 604-607; semantics.md §5 E7',
  needs: [],
  start: () => ({
    check({ step, result }) {
      if (step.call !== 'abort2' || step.nargs !== 0 || step.args !== null || step.why === null || step.badWhy) return null;
      return result.log.some((l) => l.includes('(Reason text inaccessible)')) ? `abort2("${step.why}", 0, NULL) by ${step.pid} was treated as invalid` : null;
    },
  }),
};
