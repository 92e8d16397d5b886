import { withDefaults, type Snapshot } from '../../interleaving';
import { createOracle } from '../../oracle';
import { SnapshotBuilder } from '../../oracle/snapshot/build-snapshot';
import { generateInterleaving } from '../../properties/generators/generate';
import { createModel } from '../../properties/model';
import { runSeed } from '../../properties/seeds';

const RUNS = 80;

/** Every view of `now` that equals the one with its pid in `prev` must be that very object. */
function unsharedEqualViews(prev: Snapshot, now: Snapshot): number[] {
  const old = new Map(prev.procs.map((p) => [p.pid, p]));
  return now.procs.filter((p) => old.get(p.pid) !== p && JSON.stringify(old.get(p.pid)) === JSON.stringify(p)).map((p) => p.pid);
}

/** Whether procs, pgrps and sessions are each in increasing id order. */
function inIdOrder(s: Snapshot): boolean {
  const increasing = (ids: number[]) => ids.every((id, i) => i === 0 || ids[i - 1] < id);
  return increasing(s.procs.map((p) => p.pid)) && increasing(s.pgrps.map((g) => g.pgid)) && increasing(s.sessions.map((x) => x.sid));
}

describe('snapshots share what a step did not change', () => {
  it('equal, after every step of random interleavings, to a snapshot built from nothing', () => {
    const model = createModel();
    const oracle = createOracle();
    let steps = 0;
    let reused = 0;
    for (let run = 0; run < RUNS; run++) {
      const il = generateInterleaving(runSeed(31, run), { model });
      oracle.reset(withDefaults(il.config));
      let prev = oracle.snapshot();
      for (const step of il.steps) {
        oracle.apply(step);
        const now = oracle.snapshot();
        expect(JSON.stringify(now)).toBe(JSON.stringify(new SnapshotBuilder().build(oracle.state)));
        expect(unsharedEqualViews(prev, now)).toEqual([]);
        // Records and orders checked against the kernel itself: a fresh builder shares the records cache and the sort.
        expect(now.uidCounts).toEqual(Object.fromEntries(oracle.state.uidCounts));
        expect(inIdOrder(now)).toBe(true);
        steps++;
        if (now === prev) reused++;
        prev = now;
      }
    }
    // Both paths are taken: some steps change nothing (the same snapshot), most change something.
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(steps);
  });

  it('gives back the same snapshot when nothing changed, and a new view only for what did', () => {
    const oracle = createOracle();
    oracle.reset(withDefaults({}));
    oracle.apply({ pid: 1, call: 'fork' });
    const a = oracle.snapshot();
    oracle.apply({ pid: 2, call: 'getppid' });
    expect(oracle.snapshot()).toBe(a);
    oracle.apply({ pid: 2, call: 'run', ticks: 3 });
    const b = oracle.snapshot();
    expect(b).not.toBe(a);
    expect(b.procs[0]).toBe(a.procs[0]);
    expect(b.procs[1]).not.toBe(a.procs[1]);
    expect(b.procs[1].ru).toEqual({ utime: 3 });
    expect(b.pgrps).toBe(a.pgrps);
  });

  it('keeps pid order when a pid is handed out again below the last one', () => {
    const oracle = createOracle();
    oracle.reset(withDefaults({ pidMax: 8, pidFloor: 2 }));
    for (let i = 0; i < 5; i++) oracle.apply({ pid: 1, call: 'fork' });
    oracle.apply({ pid: 2, call: 'exit', code: 0 });
    oracle.apply({ pid: 1, call: 'wait4', wpid: 2, options: [], status: 'valid', rusage: 'null' });
    for (let i = 0; i < 2; i++) oracle.apply({ pid: 1, call: 'fork' });
    const pids = oracle.snapshot().procs.map((p) => p.pid);
    expect(pids).toEqual([...pids].sort((x, y) => x - y));
    expect(pids).toContain(2);
    expect(JSON.stringify(oracle.snapshot())).toBe(JSON.stringify(new SnapshotBuilder().build(oracle.state)));
  });

  it('has frozen views and snapshots, so a shared field cannot be changed by a reader', () => {
    const oracle = createOracle();
    oracle.reset(withDefaults({}));
    const s = oracle.snapshot();
    expect(() => ((s as { nprocs: number }).nprocs = 9)).toThrow(TypeError);
    expect(() => ((s.procs[0] as { ppid: number }).ppid = 9)).toThrow(TypeError);
    expect(() => ((s.procs[0].ru as { utime: number }).utime = 9)).toThrow(TypeError);
    expect(() => ((s.pgrps[0] as { jobc: number }).jobc = 9)).toThrow(TypeError);
  });
});
