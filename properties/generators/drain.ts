import type { Step } from '../../interleaving';
import { StepRejected } from '../../interleaving';
import type { SyncModel } from './generate';
import type { World } from './world';

/**
 * The end of a draining run: init sends SIGKILL to everyone (kill(-1), §3.9.1) and then reaps with
 * WNOHANG until it gets ECHILD or nothing more is ready, for plain and for Linux-clone children.
 * Checked by the init-reaps-all invariant.
 */
export function drainSteps(model: SyncModel, world: World, room: number): Step[] {
  const init = world.get(1);
  if (room < 2 || !init || init.sleeping || world.snapshot.panic !== null) return [];
  const steps: Step[] = [];
  const take = (step: Step) => {
    try {
      const r = model.apply(step);
      steps.push(step);
      return r.observations[0];
    } catch (e) {
      if (e instanceof StepRejected) return null;
      throw e;
    }
  };
  if (!take({ pid: 1, call: 'kill', target: -1, sig: 'SIGKILL' })) return [];
  // Plain children first, then RFLINUXTHPN ones, which only a WLINUXCLONE wait sees (kern_exit.c:699-703).
  for (const options of [['WNOHANG'], ['WNOHANG', 'WLINUXCLONE']] as const) {
    while (steps.length < room) {
      const o = take({ pid: 1, call: 'wait4', wpid: -1, options: [...options], status: 'valid', rusage: 'null' });
      if (!o || o.errno || !o.ret) break;
    }
  }
  return steps;
}
