import type { ProfileName } from '../interleaving';
import type { StepCounts } from './execute';
import { sortedCounts } from './report';

/**
 * The per-property summary table printed at the end of a run: how many steps each property was
 * checked on, failed on, and skipped for (skipped: the target lacks what the check needs).
 */
export function countsTable(counts: Record<string, StepCounts>): string {
  const rows = sortedCounts(counts).map(([name, c]) => [name, String(c.checked), String(c.failed), String(c.skipped)]);
  const header = ['property', 'checked', 'failed', 'skipped'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Quote one shell word so a printed command can be pasted back (POSIX single quotes). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that replays a saved fixture against the target it failed on, with the same checks. */
export function replayCommandLine(fixture: string, target: string, o: { profile: ProfileName; errata?: boolean }): string {
  const extra = [...(o.profile === 'freebsd-r176365' ? [] : ['--profile', o.profile]), ...(o.errata ? ['--errata'] : [])];
  return ['npx', 'reapcheck', 'replay', fixture, '--impl', target, ...extra].map(shellQuote).join(' ');
}
