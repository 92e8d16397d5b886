import type { ProcView, Snapshot } from '../../interleaving';

/** One process in a line: pid, state, group and session, and what is unusual about it. */
export function describeProc(p: ProcView): string {
  const parts = [`${p.pid}`];
  if (p.state !== 'NORMAL') parts.push(p.state.toLowerCase());
  parts.push(`pg ${p.pgid} s ${p.sid}`);
  const flags = p.flags.filter((f) => f !== 'INMEM' && f !== 'CONTROLT' && f !== 'SYSTEM');
  if (flags.length) parts.push(flags.join(','));
  if (p.oppid) parts.push(`oppid ${p.oppid}`);
  if (p.state === 'ZOMBIE') parts.push(`xstat 0x${p.xstat.toString(16)}`);
  if (p.sleeping) parts.push(`asleep in ${p.sleeping.chan} (step ${p.sleeping.step})`);
  if (p.pending.length) parts.push(`pending ${p.pending.join(',')}`);
  if (p.sigchld.handler !== 'SIG_DFL' || p.sigchld.flags.length) parts.push(`SIGCHLD ${[p.sigchld.handler, ...p.sigchld.flags].join('|')}`);
  if (p.threads > 1) parts.push(`${p.threads} threads`);
  if (p.uid !== 0) parts.push(`uid ${p.uid}`);
  return parts.join(' ');
}

/**
 * The process table as a tree under init, children in list order, with box-drawing branches.
 * Processes no walk from init reaches (which a correct kernel never has) are listed after it.
 */
export function processTree(s: Snapshot): string {
  const byPid = new Map(s.procs.map((p) => [p.pid, p]));
  const seen = new Set<number>();
  const lines: string[] = [];
  const walk = (p: ProcView, prefix: string, branch: string, childPrefix: string) => {
    seen.add(p.pid);
    lines.push(`${prefix}${branch}${describeProc(p)}`);
    const kids = p.children.map((c) => byPid.get(c)).filter((c): c is ProcView => c !== undefined && !seen.has(c.pid));
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      walk(k, prefix + childPrefix, last ? '└─ ' : '├─ ', last ? '   ' : '│  ');
    });
  };
  const roots = s.procs.filter((p) => !byPid.has(p.ppid) || p.pid === p.ppid || p.pid === 1);
  for (const r of roots) if (!seen.has(r.pid)) walk(r, '', '', '');
  const unreached = s.procs.filter((p) => !seen.has(p.pid));
  if (unreached.length) lines.push(`not reachable from init: ${unreached.map((p) => `${p.pid} (ppid ${p.ppid})`).join(', ')}`);
  if (s.panic) lines.push(`panic: ${s.panic}`);
  return lines.join('\n');
}
