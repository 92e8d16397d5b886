import type { ProfileName } from '../interleaving';
import { gvisorKnownDivergences } from '../adapters/gvisor/known-list';
import type { KnownDivergences, KnownTally } from '../runner/known-divergences';

/**
 * The documented divergences of a target against a profile, which `reapcheck run` counts instead of
 * failing on (each backed by its fixture); undefined when the target has none. gVisor's are
 * findings against Linux, so they apply on the `linux` profile only.
 */
export function knownDivergencesFor(target: string, profile: ProfileName): KnownDivergences | undefined {
  if (target === 'gvisor' && profile === 'linux') return gvisorKnownDivergences;
  return undefined;
}

/** The text report's lines for the known divergences a run hit (none when it hit none). */
export function knownLines(target: string, tallies: readonly Pick<KnownTally, 'id' | 'fixture' | 'runs' | 'firstRun'>[]): string {
  if (tallies.length === 0) return '';
  const total = tallies.reduce((n, t) => n + t.runs, 0);
  const width = Math.max(...tallies.map((t) => String(t.runs).length));
  const rows = tallies.map((t) => `  ${t.id.padEnd(4)} ${String(t.runs).padStart(width)} run(s), first run ${t.firstRun}: ${t.fixture}`);
  return [`known divergences of ${target} (not failures; each fixture replays one): ${total} run(s)`, ...rows, ''].join('\n');
}
