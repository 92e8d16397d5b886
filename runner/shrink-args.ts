import type { Sig, Step } from '../interleaving';

/** Smaller integers to try in place of `n`, smallest first (toward 0, never away from it). */
export function simplerInts(n: number): number[] {
  const out = [0, 1, Math.trunc(n / 2), n - Math.sign(n)];
  return [...new Set(out)].filter((x) => x !== n && (Math.abs(x) < Math.abs(n) || (n < 0 && x >= 0)));
}

/** Signals by simplicity: the usual actors of exit/wait scenarios come first. */
const SIMPLE_SIGNALS: readonly Sig[] = ['SIGKILL', 'SIGTERM', 'SIGSTOP', 'SIGCONT', 'SIGHUP', 'SIGCHLD', 'SIGUSR1'];

function simplerSignals(sig: Sig): Sig[] {
  const rank = SIMPLE_SIGNALS.indexOf(sig);
  return (rank < 0 ? SIMPLE_SIGNALS : SIMPLE_SIGNALS.slice(0, rank)).filter((s) => s !== sig);
}

/** Every way to drop one element of a list. */
function withoutOne<T>(xs: readonly T[]): T[][] {
  return xs.map((_, i) => [...xs.slice(0, i), ...xs.slice(i + 1)]);
}

/**
 * Simpler variants of one step, simplest first: smaller numbers, fewer flags and options, simpler
 * signals, ordinary pointers, plain fork for vfork and rfork. Pids are left alone (shrink-pids.ts).
 */
export function simplerSteps(step: Step): Step[] {
  switch (step.call) {
    case 'vfork':
      return [{ pid: step.pid, call: 'fork' }];
    case 'rfork':
      return [{ pid: step.pid, call: 'fork' }, ...withoutOne(step.flags).map((flags) => ({ ...step, flags }))];
    case 'exit':
      return simplerInts(step.code).map((code) => ({ ...step, code }));
    case 'run':
      return simplerInts(step.ticks).filter((t) => t > 0).map((ticks) => ({ ...step, ticks }));
    case 'setuid':
      return simplerInts(step.uid).map((uid) => ({ ...step, uid }));
    case 'abort2': {
      const out: Step[] = [];
      if (step.badWhy) out.push({ ...step, badWhy: undefined });
      if (step.badArgs) out.push({ ...step, badArgs: undefined });
      if (step.why !== null && step.why.length > 1) out.push({ ...step, why: step.why.slice(0, 1) });
      for (const nargs of simplerInts(step.nargs)) out.push({ ...step, nargs });
      if (step.args && step.args.length > 0) out.push({ ...step, args: step.args.slice(0, -1) });
      return out;
    }
    case 'wait4': {
      const out: Step[] = [];
      if (step.extraBits !== undefined) out.push({ ...step, extraBits: undefined });
      for (const options of withoutOne(step.options)) out.push({ ...step, options });
      if (step.wpid !== -1) out.push({ ...step, wpid: -1 });
      if (step.status !== 'valid') out.push({ ...step, status: 'valid' });
      if (step.rusage !== 'null') out.push({ ...step, rusage: 'null' });
      return out;
    }
    case 'kill':
      return simplerSignals(step.sig).map((sig) => ({ ...step, sig }));
    case 'sigaction': {
      const out: Step[] = withoutOne(step.flags).map((flags) => ({ ...step, flags }));
      if (step.handler !== 'SIG_DFL') out.push({ ...step, handler: 'SIG_DFL' });
      return out;
    }
    case 'sigprocmask':
      return withoutOne(step.sigs).map((sigs) => ({ ...step, sigs }));
    case 'ptrace':
      return step.data !== 0 ? [{ ...step, data: 0 }] : [];
    case 'execve':
      return step.path !== undefined ? [{ pid: step.pid, call: 'execve' }] : [];
    case 'getrusage':
      return step.who !== 'RUSAGE_SELF' ? [{ ...step, who: 'RUSAGE_SELF' }] : [];
    default:
      return [];
  }
}
