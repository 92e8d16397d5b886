import type { Recording } from './recording';
import type { World } from './world';

/**
 * The end of a draining run: init sends SIGKILL to everyone (kill(-1), §3.9.1) and then reaps with
 * WNOHANG until it gets ECHILD or nothing more is ready, for plain and for Linux-clone children,
 * while the interleaving has fewer than `maxSteps` steps. Checked by the init-reaps-all invariant.
 */
export function drain(rec: Recording, world: World, maxSteps: number): void {
  const init = world.get(1);
  if (maxSteps - rec.steps.length < 2 || !init || init.sleeping || world.state.panic !== null) return;
  if (!rec.take({ pid: 1, call: 'kill', target: -1, sig: 'SIGKILL' })) return;
  // Plain children first, then RFLINUXTHPN ones, which only a WLINUXCLONE wait sees (kern_exit.c:699-703).
  for (const options of [['WNOHANG'], ['WNOHANG', 'WLINUXCLONE']] as const) {
    while (rec.steps.length < maxSteps) {
      const o = rec.take({ pid: 1, call: 'wait4', wpid: -1, options: [...options], status: 'valid', rusage: 'null' })?.observations[0];
      if (!o || o.errno || !o.ret) break;
    }
  }
}
