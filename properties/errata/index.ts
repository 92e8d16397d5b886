import { e10VforkHang } from './e10-vfork-hang';
import { e11AttachResumes } from './e11-attach-resumes';
import { e12JobcDrift } from './e12-jobc-drift';
import { e13TracemeTwice } from './e13-traceme-twice';
import { e14ContinuedSignaled } from './e14-continued-signaled';
import { e17GivebackToNocldwait } from './e17-giveback-to-nocldwait';
import { e19EfaultLosesChild } from './e19-efault-loses-child';
import { e1ReusedPidAdopts } from './e1-reused-pid-adopts';
import { e2RealParentEchild } from './e2-real-parent-echild';
import { e3DebuggerExitKills } from './e3-debugger-exit-kills';
import { e4DoubleReport } from './e4-double-report';
import { e5StatusGarbage } from './e5-status-garbage';
import { e6SiStatusRaw } from './e6-si-status-raw';
import { e7Abort2NullArgs } from './e7-abort2-null-args';
import { e8GetppidDebugger } from './e8-getppid-debugger';
import { e9WaitWithoutChild } from './e9-wait-without-child';
import type { Erratum } from './erratum';

export type { Erratum } from './erratum';

/**
 * The errata: ideal properties the seed breaks by design. Off in a conformance run against the
 * r176365 profile (they fail there by design, not by mistake); on, to hunt them in any target.
 */
export const ERRATA: readonly Erratum[] = [
  e1ReusedPidAdopts,
  e2RealParentEchild,
  e3DebuggerExitKills,
  e4DoubleReport,
  e5StatusGarbage,
  e6SiStatusRaw,
  e7Abort2NullArgs,
  e8GetppidDebugger,
  e9WaitWithoutChild,
  e10VforkHang,
  e11AttachResumes,
  e12JobcDrift,
  e13TracemeTwice,
  e14ContinuedSignaled,
  e17GivebackToNocldwait,
  e19EfaultLosesChild,
];

export const ERRATA_BY_NAME: ReadonlyMap<string, Erratum> = new Map(ERRATA.map((e) => [e.name, e]));
