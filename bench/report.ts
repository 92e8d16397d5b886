import type { FigureResult } from './figure';
import { table, verdict } from './format';
import type { Machine } from './machine';

/** One measured section: when, by which command, and the load average around it. */
export interface Section {
  result: FigureResult;
  date: string;
  command: string;
  loadBefore: string;
  loadAfter: string;
  seconds: number;
}

/** BENCHMARKS.md: the machine, the command, the date, the targets, and one section per figure. */
export function renderReport(machine: Machine, command: string, sections: readonly Section[]): string {
  const older = sections.filter((s) => s.command !== command);
  const targets = sections.flatMap((s) => s.result.targets);
  const out = [
    '# reapcheck benchmarks',
    '',
    `Written by \`${command}\` on ${machine.date}` +
      (older.length === 0 ? '.' : `; ${older.length} section(s) kept from an earlier run, each with its own date and command.`),
    '',
    table(['machine', ''], [
      ['cpu', machine.cpu],
      ['cores', String(machine.cores)],
      ['memory', `${machine.memoryGiB} GiB`],
      ['node', machine.node],
      ['os', machine.platform],
    ]),
    '',
    'Every figure is the median of several runs with its spread (lowest–highest); every comparison is a ratio of two series ' +
      'measured side by side in the same run (round i of one beside round i of the other, their order alternating). ' +
      'The load average (1 / 5 / 15 min) before and after each section is printed with it: this machine is shared, so absolute ' +
      'figures move with the load, ratios much less.',
    '',
    '## Targets (issue 6)',
    '',
    table(['target', 'measured', ''], targets.map((t) => [t.target, t.measured, verdict(t.ok)])),
  ];
  const missed = targets.filter((t) => !t.ok && t.note);
  if (missed.length > 0) out.push('', 'Missed targets: by how much, why, and what would close it.', '', ...missed.map((t) => `- **${t.target}**: ${t.note}`));
  for (const s of sections) {
    out.push('', `## ${s.result.title}`, '', `Measured ${s.date} by \`${s.command}\`; load average ${s.loadBefore} before, ${s.loadAfter} after; ${s.seconds.toFixed(0)} s.`, '', s.result.body);
  }
  return `${out.join('\n')}\n`;
}
