import type { Implementation } from '../interleaving';
import type { Mutant } from './mutant';
import { abort2NullArgsAccepted } from './kernel/abort2-null-args-accepted';
import { continuedWithoutWcontinued } from './kernel/continued-without-wcontinued';
import { copyoutAfterError } from './kernel/copyout-after-error';
import { echildBeforeEinval } from './kernel/echild-before-einval';
import { exitStatusNotTruncated } from './kernel/exit-status-not-truncated';
import { givebackKeepsOppid } from './kernel/giveback-keeps-oppid';
import { linuxcloneXorInverted } from './kernel/linuxclone-xor-inverted';
import { noCruAtReap } from './kernel/no-cru-at-reap';
import { noParentWakeupAtExit } from './kernel/no-parent-wakeup-at-exit';
import { noRuaddAtExit } from './kernel/no-ruadd-at-exit';
import { nocldwaitKeepsZombie } from './kernel/nocldwait-keeps-zombie';
import { nprocsNotDecremented } from './kernel/nprocs-not-decremented';
import { orphanpgWithoutSigcont } from './kernel/orphanpg-without-sigcont';
import { pgrpSelectorAsPid } from './kernel/pgrp-selector-as-pid';
import { pid0IsWaitAny } from './kernel/pid0-is-wait-any';
import { ppwaitNotClearedAtExit } from './kernel/ppwait-not-cleared-at-exit';
import { reparentInsertsAtTail } from './kernel/reparent-inserts-at-tail';
import { reparentKeepsSigparent } from './kernel/reparent-keeps-sigparent';
import { stopWaitedNeverSet } from './kernel/stop-waited-never-set';
import { stopWithoutWuntraced } from './kernel/stop-without-wuntraced';
import { tracedNotClearedAtExit } from './kernel/traced-not-cleared-at-exit';
import { traceesNotKilled } from './kernel/tracees-not-killed';
import { wnohangSleeps } from './kernel/wnohang-sleeps';
import { xstatNotSaved } from './kernel/xstat-not-saved';
import { zombiesNotReparented } from './kernel/zombies-not-reparented';
import { echildAsEinval } from './protocol/echild-as-einval';
import { wnohangEchild } from './protocol/wnohang-echild';

export type { Mutant } from './mutant';

/** The mutant catalogue, in seed order of the lines each one breaks. */
export const MUTANT_LIST: readonly Mutant[] = [
  tracedNotClearedAtExit,
  ppwaitNotClearedAtExit,
  zombiesNotReparented,
  reparentKeepsSigparent,
  traceesNotKilled,
  xstatNotSaved,
  exitStatusNotTruncated,
  nocldwaitKeepsZombie,
  noParentWakeupAtExit,
  noRuaddAtExit,
  orphanpgWithoutSigcont,
  abort2NullArgsAccepted,
  copyoutAfterError,
  pid0IsWaitAny,
  echildBeforeEinval,
  pgrpSelectorAsPid,
  linuxcloneXorInverted,
  givebackKeepsOppid,
  noCruAtReap,
  nprocsNotDecremented,
  stopWithoutWuntraced,
  stopWaitedNeverSet,
  continuedWithoutWcontinued,
  wnohangSleeps,
  reparentInsertsAtTail,
  echildAsEinval,
  wnohangEchild,
];

/** `--impl mutant:NAME`: a fresh implementation of each mutant, by name. */
export const MUTANTS: Readonly<Record<string, () => Implementation>> = Object.fromEntries(MUTANT_LIST.map((m) => [m.name, () => m.create()]));
