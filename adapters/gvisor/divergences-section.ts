import type { Step } from '../../interleaving';
import { describeOutcome } from '../../properties/divergences/outcome';
import { linuxOutcomes } from './divergence-fixture';
import { GVISOR_DIVERGENCES } from './known-divergences';

const cell = (t: string) => t.replace(/\|/g, '\\|');

/**
 * The gVisor part of docs/divergences.md: every known divergence with FreeBSD's and Linux's outcome
 * (the oracle's two profiles; the host kernel gives Linux's, tests/gvisor checks it) and gVisor's
 * as found. `stepText` is the main table's step shorthand, so both tables read alike.
 */
export function gvisorDivergencesSection(stepText: (s: Step) => string): string[] {
  const lines = [
    '',
    '## gVisor beside Linux and FreeBSD',
    '',
    'Found by `reapcheck run --impl gvisor` (the host harness inside one `runsc` sandbox; docs/gvisor.md)',
    'and listed in `adapters/gvisor/known-divergences.ts`. These are findings about gVisor (runsc',
    '0.0~20221219), not profile switches: Linux\'s outcome is the `linux` profile\'s, which the host kernel',
    'agrees with. Each is stored as `fixtures/gvisor/<name>.json` (Linux\'s outcomes as expectations:',
    '`npx reapcheck replay fixtures/gvisor/<name>.json --impl gvisor` shows it), and `tests/gvisor/` fails',
    'when gVisor starts to agree with Linux on one, so the entry is removed.',
    '',
    '| # | Behaviour | Interleaving | FreeBSD r176365 | Linux (profile and host) | gVisor |',
    '|---|---|---|---|---|---|',
  ];
  GVISOR_DIVERGENCES.forEach((d, i) => {
    const config = Object.entries(d.config ?? {}).map(([k, v]) => `\`${k}=${v}\`: `).join('');
    const steps = config + d.steps.map((s, j) => (j === d.at ? `**\`${stepText(s)}\`**` : `\`${stepText(s)}\``)).join(' → ');
    const freebsd = describeOutcome(linuxOutcomes(d, 'freebsd-r176365')[d.at], 'freebsd-r176365');
    const linux = describeOutcome(linuxOutcomes(d)[d.at], 'linux');
    lines.push(`| G${i + 1} | ${cell(d.behaviour)} | ${cell(steps)} | ${cell(freebsd)} | ${cell(linux)} | ${cell(d.gvisor)} |`);
  });
  lines.push('', `Fixtures: \`fixtures/gvisor/<name>.json\`, in table order: ${GVISOR_DIVERGENCES.map((d) => `\`${d.name}\``).join(', ')}.`, '');
  return lines;
}
