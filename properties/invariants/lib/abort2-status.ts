import type { StepOf } from '../../../interleaving';

/**
 * The status abort2 exits with: SIGABRT for a well-formed call, SIGKILL when the arguments cannot be
 * read (kern_exit.c:571-602, 612; E7: a NULL args pointer is ill-formed even with nargs 0).
 */
export function abort2Status(s: StepOf<'abort2'>): number {
  const argsOk = s.nargs >= 0 && s.nargs <= 16 && s.args !== null && !s.badArgs && s.nargs <= s.args.length;
  const whyOk = s.why === null || !s.badWhy;
  return argsOk && whyOk ? 6 : 9;
}
