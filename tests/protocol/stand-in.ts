import type { Config, Implementation, Snapshot, Step, StepResult } from '../../interleaving';
import { ConfigUnsupported, StepRejected } from '../../interleaving';
import { INIT_SNAPSHOT } from './samples';

/**
 * A stand-in Implementation for protocol tests: fork hands out the next pid, anything else returns
 * 0, a step by an unknown pid is rejected, `setuid(666)` throws (an implementation bug), and a
 * pidMax below 50 is refused as unsupported.
 */
export function standIn(): Implementation & { resets: Config[] } {
  let next = 2;
  let live = new Set([1]);
  const resets: Config[] = [];
  return {
    name: 'stand-in',
    resets,
    reset(config: Config) {
      if (config.pidMax < 50) throw new ConfigUnsupported(`pidMax ${config.pidMax} is below 50`);
      resets.push(config);
      next = 2;
      live = new Set([1]);
    },
    apply(step: Step): StepResult {
      if (!live.has(step.pid)) throw new StepRejected(step.call, `pid ${step.pid} does not exist`);
      if (step.call === 'setuid' && step.uid === 666) throw new Error('stand-in bug');
      const ret = step.call === 'fork' ? next++ : 0;
      if (step.call === 'fork') live.add(ret);
      return { observations: [{ step: 0, pid: step.pid, call: step.call, kind: 'return', ret }], log: [] };
    },
    snapshot(): Snapshot {
      return { ...INIT_SNAPSHOT, lastpid: next - 1 };
    },
  };
}
