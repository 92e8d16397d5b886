import type { ProfileName } from '../interleaving';
import type { StepCounts } from './execute';
import { formatJson } from './report-json';

/** One failure a run found, as `--json` reports it. */
export interface ReportedFailure {
  /** An invariant name, `differential`, `rejected`, or `implementation` (the target broke). */
  property: string;
  /** The failing step's index in the saved fixture. */
  step: number;
  /** The saved fixture, relative to the working directory; null when the target broke before any step. */
  fixture: string | null;
  /** What went wrong, in one line (or a few, for a protocol break). */
  message: string;
}

/**
 * The result of a `reapcheck run`: everything needed to judge it and nothing that varies between
 * two runs with the same seed (no times, no absolute paths), so reports compare byte for byte.
 */
export interface RunReport {
  target: string;
  profile: ProfileName;
  seed: number;
  /** Interleavings run. */
  runs: number;
  /** Steps applied over all runs (shrinking replays not counted). */
  steps: number;
  /** Runs skipped because the target refused their configuration (present only when some were). */
  skippedRuns?: number;
  /**
   * Runs whose first failure was a known divergence of the target, per entry in the list's order
   * (present only when the target has a list). They are not failures: exit 0 if nothing else failed.
   */
  known?: { id: string; fixture: string; runs: number; firstRun: number }[];
  failures: ReportedFailure[];
  properties: Record<string, { checked: number; failed: number }>;
}

/** The exit code of a report: 0 conformant, 1 a failure found, 2 the implementation broke the protocol. */
export function exitCodeOf(report: Pick<RunReport, 'failures'>): 0 | 1 | 2 {
  if (report.failures.some((f) => f.property === 'implementation')) return 2;
  return report.failures.length ? 1 : 0;
}

/** Per-property counts in a stable order: differential first, then the rest by name. */
export function sortedCounts(counts: Record<string, StepCounts>): [string, StepCounts][] {
  const rank = (n: string) => (n === 'differential' ? 0 : 1);
  return Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The `properties` member of a report. */
export function propertiesOf(counts: Record<string, StepCounts>): RunReport['properties'] {
  return Object.fromEntries(sortedCounts(counts).map(([name, c]) => [name, { checked: c.checked, failed: c.failed }]));
}

/** The one JSON object `--json` prints. */
export function reportJson(report: RunReport): string {
  return formatJson(report);
}
