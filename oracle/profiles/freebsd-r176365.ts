import { NUMBERING } from '../../interleaving';
import type { Profile } from './profile';

const WNOHANG = 1;
const WUNTRACED = 2;
const WCONTINUED = 4;
const WLINUXCLONE = 0x80000000;

/** FreeBSD head at r176365 (2008-02-17): wait.h 1.22, kern_exit.c as seeded. */
export const FREEBSD_R176365: Profile = {
  name: 'freebsd-r176365',
  numbering: NUMBERING['freebsd-r176365'],
  // WNOWAIT (8) and WEXITED (16) are not defined yet; their later values are rejected by the mask.
  waitOptionBits: { WNOHANG, WUNTRACED, WCONTINUED, WLINUXCLONE, WNOWAIT: 8, WEXITED: 16 },
  waitOptionMask: (WUNTRACED | WNOHANG | WCONTINUED | WLINUXCLONE) >>> 0,
  forkInsertsAt: 'head',
  reparentInsertsAt: 'head',
  wnohangCopiesOut: true,
  givebackWhen: 'oppid-set',
  ptraceErrno: {
    attachSelf: 'EINVAL',
    attachTraced: 'EBUSY',
    attachAncestor: 'EINVAL',
    notTraced: 'EPERM',
    notOurTracee: 'EBUSY',
    notStopped: 'EBUSY',
    traceMeTraced: null,
    attachZombie: 'ESRCH',
    badResumeSignal: 'EINVAL',
  },
  attachChecksAncestor: true,
  resumeNeedsWaitedStop: true,
  attachReparents: true,
  tracerExit: 'kill',
  tracedStopSignalStops: false,
  sigkillBypassesTrace: false,
  hasOwait: true,
  maxComLen: 19,
  nocldwaitWakesParent: 'when-last',
  ignoredChildExit: 'to-init',
  exitWakesWait: 'always',
  reportWithdrawsSigchld: true,
  blockedIgnoredDiscarded: true,
  intMinWpid: 'ECHILD',
  waitAllBit: 0,
  tracedAlwaysEligible: false,
  stopReportsRusage: false,
  signalWakeRescans: false,
  orphanedGroups: 'jobc',
  pgrpCallsFindZombies: false,
  threadsTakePids: false,
  pidWrapFloor: null,
  initExit: 'panic',
  vforkChildDefersStops: true,
  vforkWaitKillable: false,
  killpgSkipsInit: true,
  deathBeforeReturn: false,
  waitPid0InGroup1IsAny: true,
  killAllFindsZombies: false,
  tracedNeverIgnores: false,
  completionOrder: 'as-completed',
  killAllOrder: 'newest-first',
  initMayNocldwait: false,
  setpgidChildOnly: false,
  execResetsIgnoredSigchld: true,
  vforkReturnAfterSignals: false,
  unsupportedCalls: [],
};
