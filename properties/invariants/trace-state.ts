import type { Invariant } from '../../runner/check';
import { tableInvariant } from './lib/define';
import { goneOrStateChanged, parentPairs } from './lib/parent-pairs';

/** I4: a traced process is alive, its parent is its tracer, and oppid remembers the real parent (kern_exit.c:233-235). */
export const traceState: Invariant = tableInvariant(
  {
    name: 'trace-state',
    statement: 'a traced process is not a zombie, has a live tracer as parent and a non-zero oppid; a trace stop implies tracing',
    source: 'kern_exit.c:233-235, 426-440; semantics.md §4 I4, §3.8',
  },
  (table, changes) => {
    if (changes?.noProcChanged) return null;
    // Incrementally: a process reads itself and whether its parent (the tracer) is alive; an unchanged one whose
    // parent kept that held in `before` (a new parent cannot matter: its children broke this in `before`).
    const { procs, parents } = parentPairs(table, changes, goneOrStateChanged);
    for (let i = 0; i < procs.length; i++) {
      const p = procs[i];
      // Both flags in one walk of the list.
      let traced = false;
      let traceStopped = false;
      for (let k = 0; k < p.flags.length; k++) {
        if (p.flags[k] === 'TRACED') traced = true;
        else if (p.flags[k] === 'STOPPED_TRACE') traceStopped = true;
      }
      if (traceStopped && !traced) return `pid ${p.pid} is trace-stopped but not traced`;
      // Init's parent is proc0, outside the table: PT_TRACE_ME by init records oppid 0.
      if (!traced || p.pid === 1) continue;
      if (p.state === 'ZOMBIE') return `zombie ${p.pid} is still traced`;
      if (p.oppid === 0) return `traced pid ${p.pid} has oppid 0`;
      if (parents[i]?.state !== 'NORMAL') return `traced pid ${p.pid}'s tracer ${p.ppid} is not alive`;
    }
    return null;
  },
);
