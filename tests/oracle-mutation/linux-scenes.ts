import { ptrace, sigaction, wait4, type Driver } from '../oracle/driver';

/** A session led by A; B in a group of its own there; G, B's child in B's group, catching SIGHUP and SIGCONT. */
export function orphanable(d: Driver): { a: number; b: number; g: number } {
  const a = d.fork(1);
  d.step({ pid: a, call: 'setsid' });
  const b = d.fork(a);
  d.step({ pid: b, call: 'setpgid', target: 0, pgid: 0 });
  const g = d.fork(b);
  d.step(sigaction(g, 'SIGHUP', 'catch'));
  d.step(sigaction(g, 'SIGCONT', 'catch'));
  return { a, b, g };
}

/** T attaches to C and waits for the attach stop: C is T's tracee, stopped. */
export function attachAndWait(d: Driver, t: number, c: number): void {
  d.step(ptrace(t, 'PT_ATTACH', c));
  d.step(wait4(t, c));
}

/** T attaches to C, waits for the attach stop and resumes it: C runs on as T's tracee. */
export function attachAndResume(d: Driver, t: number, c: number): void {
  attachAndWait(d, t, c);
  d.step(ptrace(t, 'PT_CONTINUE', c, 0));
}
