import type { ProfileName, Step } from '../../../interleaving';

/**
 * Option names each profile's wait4 accepts: r176365 kern_exit.c:669; Linux's wait4 takes the same
 * set (WLINUXCLONE as __WCLONE), WNOWAIT and WEXITED being waitid-only there.
 */
const KNOWN: Record<ProfileName, readonly string[]> = {
  'freebsd-r176365': ['WNOHANG', 'WUNTRACED', 'WCONTINUED', 'WLINUXCLONE'],
  linux: ['WNOHANG', 'WUNTRACED', 'WCONTINUED', 'WLINUXCLONE'],
};

/** Whether a wait-family step carries an option bit its profile does not define. */
export function hasUnknownOption(step: Step, profile: ProfileName): boolean {
  if (step.call !== 'wait4') return false;
  if ((step.extraBits ?? 0) !== 0) return true;
  const known = KNOWN[profile];
  for (let i = 0; i < step.options.length; i++) if (!known.includes(step.options[i])) return true;
  return false;
}
