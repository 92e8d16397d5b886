import { abort2Maker, execveMaker, exitMaker, forkMaker, rforkMaker, thrNewMaker, vforkMaker } from './calls/lifecycle';
import { setcttyMaker, setpgidMaker, setsidMaker, tcsetpgrpMaker } from './calls/jobcontrol';
import type { Maker } from './calls/maker';
import { getpgidMaker, getppidMaker, getrusageMaker, getsidMaker, runMaker, setuidMaker } from './calls/observers';
import { ptraceMaker } from './calls/ptrace';
import { killMaker, sigactionMaker, sigpendingMaker, sigprocmaskMaker } from './calls/signals';
import { owaitMaker, wait4Maker } from './calls/wait';

/** Every step maker, grouped by theme; a run may favour one theme (see `pickBias`). */
export const THEMES: Readonly<Record<string, readonly Maker[]>> = {
  lifecycle: [forkMaker, vforkMaker, rforkMaker, thrNewMaker, exitMaker, abort2Maker, execveMaker],
  wait: [wait4Maker, owaitMaker],
  signals: [killMaker, sigactionMaker, sigprocmaskMaker, sigpendingMaker],
  ptrace: [ptraceMaker],
  jobcontrol: [setpgidMaker, setsidMaker, setcttyMaker, tcsetpgrpMaker],
  observers: [runMaker, setuidMaker, getppidMaker, getpgidMaker, getsidMaker, getrusageMaker],
};

export const MAKERS: readonly Maker[] = Object.values(THEMES).flat();
