import type { Invariant } from '../../runner/check';
import { childrenLists } from './children-lists';
import { continueReportedOnce } from './continue-reported-once';
import { echildExact } from './echild-exact';
import { einvalFirst } from './einval-first';
import { exitReports } from './exit-reports';
import { exitStatus } from './exit-status';
import { getppidIsParent } from './getppid-is-parent';
import { initReapsAll } from './init-reaps-all';
import { mdHooks } from './md-hooks';
import { parentAlive } from './parent-alive';
import { pgrpSession } from './pgrp-session';
import { pidUnique } from './pid-unique';
import { procCounts } from './proc-counts';
import { reapOnce } from './reap-once';
import { reportNeedsOption } from './report-needs-option';
import { rusageConservation } from './rusage-conservation';
import { sigchldRecord } from './sigchld-record';
import { sleeperNeverActs } from './sleeper-never-acts';
import { stopReportedOnce } from './stop-reported-once';
import { traceState } from './trace-state';
import { usageReports } from './usage-reports';
import { waitSelector } from './wait-selector';
import { wnohangNeverSleeps } from './wnohang-never-sleeps';
import { zombieChildless } from './zombie-childless';

/**
 * The invariant catalogue: what holds after every step of any interleaving on a faithful r176365
 * kernel. The ideal properties the seed breaks by design live apart, in properties/errata.
 */
export const INVARIANTS: readonly Invariant[] = [
  parentAlive,
  zombieChildless,
  childrenLists,
  reapOnce,
  exitReports,
  waitSelector,
  einvalFirst,
  echildExact,
  wnohangNeverSleeps,
  stopReportedOnce,
  continueReportedOnce,
  reportNeedsOption,
  exitStatus,
  pidUnique,
  pgrpSession,
  procCounts,
  sigchldRecord,
  rusageConservation,
  usageReports,
  mdHooks,
  sleeperNeverActs,
  traceState,
  getppidIsParent,
  initReapsAll,
];

/** The invariants by name. */
export const INVARIANTS_BY_NAME: ReadonlyMap<string, Invariant> = new Map(INVARIANTS.map((i) => [i.name, i]));

export {
  childrenLists, continueReportedOnce, echildExact, einvalFirst, exitReports, exitStatus, getppidIsParent, initReapsAll,
  mdHooks, parentAlive, pgrpSession, pidUnique, procCounts, reapOnce, reportNeedsOption, rusageConservation,
  sigchldRecord, sleeperNeverActs, stopReportedOnce, traceState, usageReports, waitSelector, wnohangNeverSleeps,
  zombieChildless,
};
