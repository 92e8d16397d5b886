import { randomBytes } from 'node:crypto';
import type { Implementation, Step } from '../../interleaving';
import { describeHost, markedProcesses, puppetsUnderRealInit, runSteps, type MarkedProcess } from './host-suite';
import { createHostImplementation } from '../../adapters/host/target';
import { attach, exit, fork, kill, run, wait4 } from './steps';

/**
 * Containment (issue 5 item 2): nothing of a test reaches the machine's real pid 1. Every process
 * the harness makes inherits a unique environment marker, so /proc shows exactly the test's own.
 */

const GONE_WITHIN_MS = 3000;

/** Forks, orphans (2 exits under 3 and 4), a group stop (5) and a trace (6 traces 7). */
const BUSY_STATE: Step[] = [
  fork(1), fork(2), fork(2), fork(1), fork(1), fork(1), exit(2, 0), kill(1, 5, 'SIGSTOP'), attach(6, 7), wait4(6, 7), wait4(1, 3),
];

async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return predicate();
}

/** The harness is the marked process whose parent is this test; every other one descends from it. */
function checkTree(procs: MarkedProcess[]): { harness: number; strays: MarkedProcess[] } {
  const harness = procs.filter((p) => p.ppid === process.pid);
  expect(harness).toHaveLength(1);
  const pids = new Set(procs.map((p) => p.pid));
  const strays = procs.filter((p) => p.ppid !== process.pid && !pids.has(p.ppid));
  return { harness: harness[0].pid, strays };
}

describeHost('host harness: containment', () => {
  jest.setTimeout(30000);

  it('keeps every process inside the namespace and removes them all at close', async () => {
    const marker = `REAPCHECK_CONTAINMENT=${randomBytes(8).toString('hex')}`;
    const [key, value] = marker.split('=');
    const impl: Implementation = await createHostImplementation({ env: { [key]: value } });
    let during: MarkedProcess[] = [];
    try {
      const got = await runSteps(impl, BUSY_STATE);
      expect(got.every((o) => !('rejected' in o))).toBe(true);
      during = markedProcesses(marker);
      // The namespace init and puppets 2..7 (2 is a zombie child of init, found through its parent).
      expect(during.filter((p) => p.nspid.length === 2).map((p) => p.nspid[1]).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const { strays } = checkTree(during);
      expect(strays).toEqual([]);
      expect(during.some((p) => p.ppid === 1)).toBe(false);
      // A second interleaving replaces the first namespace entirely.
      await runSteps(impl, [fork(1)]);
      expect(markedProcesses(marker).filter((p) => p.nspid.length === 2).map((p) => p.nspid[1]).sort()).toEqual([1, 2]);
    } finally {
      await impl.close?.();
    }
    expect(await until(() => markedProcesses(marker).length === 0, GONE_WITHIN_MS)).toBe(true);
    expect(puppetsUnderRealInit()).toEqual([]);
  });

  it('leaves nothing behind when the harness is SIGKILLed in the middle of a step', async () => {
    const marker = `REAPCHECK_CONTAINMENT=${randomBytes(8).toString('hex')}`;
    const [key, value] = marker.split('=');
    const impl = await createHostImplementation({ env: { [key]: value }, timeoutMs: 5000 });
    try {
      await runSteps(impl, BUSY_STATE);
      const before = markedProcesses(marker);
      const { harness } = checkTree(before);
      // A step that burns a second of CPU: the harness is inside it when it dies.
      const pending = Promise.resolve(impl.apply(run(4, 1000))).then(() => 'answered', (e: Error) => e.message);
      await new Promise((r) => setTimeout(r, 100));
      process.kill(harness, 'SIGKILL');
      const seenWithRealInit = new Set<string>();
      const gone = await until(() => {
        const now = markedProcesses(marker);
        // A puppet adopted by the real pid 1 would show PPid 1 here. The namespace init itself is
        // reparented when its parent (the harness) dies, and is already dying of PDEATHSIG then.
        for (const p of [...now, ...puppetsUnderRealInit()]) {
          if (p.ppid === 1 && p.nspid[1] !== 1) seenWithRealInit.add(`${p.pid} (ns pid ${p.nspid[1]}, state ${p.state})`);
        }
        return now.length === 0;
      }, GONE_WITHIN_MS);
      expect(gone).toBe(true);
      expect([...seenWithRealInit]).toEqual([]);
      expect(await pending).not.toBe('answered');
    } finally {
      await impl.close?.();
    }
  });
});
