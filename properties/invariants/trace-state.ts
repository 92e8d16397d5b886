import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { hasFlag, procsByPid } from './lib/procs';

/** I4: a traced process is alive, its parent is its tracer, and oppid remembers the real parent (kern_exit.c:233-235). */
export const traceState: Invariant = tableInvariant(
  {
    name: 'trace-state',
    statement: 'a traced process is not a zombie, has a live tracer as parent and a non-zero oppid; a trace stop implies tracing',
    source: 'kern_exit.c:233-235, 426-440; semantics.md §4 I4, §3.8',
  },
  (table, changes) => {
    const procs = procsByPid(table);
    // Incrementally: a process reads only itself and its parent (the tracer), so one with both unchanged held in `before`.
    for (const p of changes ? changes.freshOrParentTouched() : table.procs) {
      const traced = hasFlag(p, 'TRACED');
      if (hasFlag(p, 'STOPPED_TRACE') && !traced) return `pid ${p.pid} is trace-stopped but not traced`;
      // Init's parent is proc0, outside the table: PT_TRACE_ME by init records oppid 0.
      if (!traced || p.pid === 1) continue;
      if (p.state === 'ZOMBIE') return `zombie ${p.pid} is still traced`;
      if (p.oppid === 0) return `traced pid ${p.pid} has oppid 0`;
      if (procs.get(p.ppid)?.state !== 'NORMAL') return `traced pid ${p.pid}'s tracer ${p.ppid} is not alive`;
    }
    return null;
  },
);
