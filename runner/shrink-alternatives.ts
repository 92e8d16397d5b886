import type { Step } from '../interleaving';
import { createsProcess, pidsOf } from './shrink-pids';

/**
 * The other ways to create the process a creating step creates: fork, vfork (the parent sleeps until
 * the child exits or execs) and an RFLINUXTHPN child (it signals its parent with SIGUSR1 at exit,
 * not SIGCHLD). Empty for a step that creates none.
 */
export function creationForms(step: Step): Step[] {
  if (!createsProcess(step)) return [];
  const forms: Step[] = [{ pid: step.pid, call: 'fork' }, { pid: step.pid, call: 'vfork' }, { pid: step.pid, call: 'rfork', flags: ['RFPROC', 'RFLINUXTHPN'] }];
  return forms.filter((f) => JSON.stringify(f) !== JSON.stringify(step));
}

/** Steps that end a process (its own exit, an abort, or a signal that may kill it). */
function isDeath(step: Step): boolean {
  return step.call === 'exit' || step.call === 'abort2' || step.call === 'kill';
}

/**
 * Other forms of one step that are no simpler, only different: another way to create a process
 * (vfork for fork: the parent sleeps until the child exits, as a wait would make it), the call made
 * by another process, the exit of a process the step names or of an earlier one (a death by exit
 * instead of by signal or debugger), for a death a SIGKILL to a whole group (one step for several
 * deaths), and for an attach the tracee's own PT_TRACE_ME (the same tracing, set up by the tracee
 * for its parent). Never adopted on their own, only when they let another step go
 * (shrink-trade.ts), so the shrink still terminates.
 */
export function alternativeSteps(step: Step, known: readonly number[]): Step[] {
  const out: Step[] = [];
  out.push(...creationForms(step));
  if (step.call === 'ptrace' && step.req === 'PT_ATTACH' && step.target > 0) out.push({ pid: step.target, call: 'ptrace', req: 'PT_TRACE_ME', target: 0, data: 0 });
  for (const q of known) if (q !== step.pid) out.push({ ...step, pid: q });
  for (const p of new Set([...pidsOf(step), ...known])) if (step.call !== 'exit' || p !== step.pid) out.push({ pid: p, call: 'exit', code: 0 });
  if (isDeath(step)) {
    for (const q of known) for (const target of [0, -1]) out.push({ pid: q, call: 'kill', target, sig: 'SIGKILL' });
  }
  const distinct = new Map(out.map((v) => [JSON.stringify(v), v]));
  distinct.delete(JSON.stringify(step));
  return [...distinct.values()];
}
