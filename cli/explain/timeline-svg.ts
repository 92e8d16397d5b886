import type { ProcView, Snapshot, Step } from '../../interleaving';

const ROW = 22;
const COL = 28;
const LEFT = 70;
const TOP = 40;

/** What a process is doing at one step, as the timeline colours it. */
type Phase = 'running' | 'asleep' | 'stopped' | 'trace-stopped' | 'zombie';

const COLOURS: Record<Phase, string> = {
  running: '#4c9f70',
  asleep: '#5b8bd0',
  stopped: '#d9a13b',
  'trace-stopped': '#b45fc4',
  zombie: '#9a9a9a',
};

function phaseOf(p: ProcView): Phase {
  if (p.state === 'ZOMBIE') return 'zombie';
  if (p.flags.includes('STOPPED_TRACE')) return 'trace-stopped';
  if (p.flags.some((f) => f.startsWith('STOPPED'))) return 'stopped';
  return p.sleeping ? 'asleep' : 'running';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An SVG timeline of the processes: one row per pid, one column per step, each cell coloured by
 * what the process was doing after that step (running, asleep, stopped, trace-stopped, zombie), a line
 * from parent to child where a process appears, and the step's call as a tooltip.
 * `snapshots[0]` is the table after reset; `snapshots[i + 1]` after step i.
 */
export function timelineSvg(steps: readonly Step[], snapshots: readonly Snapshot[], title: string): string {
  const pids = [...new Set(snapshots.flatMap((s) => s.procs.map((p) => p.pid)))].sort((a, b) => a - b);
  const row = new Map(pids.map((pid, i) => [pid, i]));
  const width = LEFT + COL * snapshots.length + 20;
  const height = TOP + ROW * pids.length + 70;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">`,
    `<title>${esc(title)}</title>`,
    `<text x="4" y="16" font-size="13">${esc(title)}</text>`,
  ];
  pids.forEach((pid, i) => out.push(`<text x="4" y="${TOP + ROW * i + 15}">pid ${pid}</text>`));
  snapshots.forEach((snap, col) => {
    const x = LEFT + COL * col;
    const label = col === 0 ? 'reset' : `${col - 1}`;
    const call = col === 0 ? 'reset' : `step ${col - 1}: pid ${steps[col - 1].pid} ${steps[col - 1].call}`;
    out.push(`<text x="${x + 4}" y="${TOP - 6}"><title>${esc(call)}</title>${label}</text>`);
    for (const p of snap.procs) {
      const y = TOP + ROW * row.get(p.pid)!;
      const phase = phaseOf(p);
      out.push(`<rect x="${x}" y="${y}" width="${COL - 2}" height="${ROW - 6}" fill="${COLOURS[phase]}"><title>${esc(`${call}\npid ${p.pid} ${phase}, parent ${p.ppid}`)}</title></rect>`);
      const before = col > 0 ? snapshots[col - 1].procs.some((q) => q.pid === p.pid) : true;
      if (!before && row.has(p.ppid)) {
        const py = TOP + ROW * row.get(p.ppid)! + (ROW - 6) / 2;
        out.push(`<line x1="${x}" y1="${py}" x2="${x}" y2="${y + (ROW - 6) / 2}" stroke="#333" stroke-width="1.5"/>`);
      }
    }
  });
  const legendY = TOP + ROW * pids.length + 24;
  (Object.keys(COLOURS) as Phase[]).forEach((phase, i) => {
    const x = 4 + i * 110;
    out.push(`<rect x="${x}" y="${legendY}" width="12" height="12" fill="${COLOURS[phase]}"/><text x="${x + 16}" y="${legendY + 10}">${phase}</text>`);
  });
  out.push('</svg>', '');
  return out.join('\n');
}
