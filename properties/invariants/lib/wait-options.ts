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
  return (step.extraBits ?? 0) !== 0 || step.options.some((o) => !KNOWN[profile].includes(o));
}
