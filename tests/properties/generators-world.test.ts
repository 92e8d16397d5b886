import { withDefaults } from '../../interleaving';
import { createOracle } from '../../oracle';
import { recordedSource } from '../../properties/generators/source';
import { kernelWorldReader } from '../../properties/generators/kernel-world';
import { SnapshotWorld, type World, type WorldProc } from '../../properties/generators/world';

/** Everything a maker can read of a World, as plain data. */
function reading(w: World) {
  const proc = (p: WorldProc) => ({
    pid: p.pid, state: p.state, flags: [...p.flags], ppid: p.ppid, children: [...p.children], pgid: p.pgid, sid: p.sid, uid: p.uid,
    threads: p.threads, peers: [...p.peers], psFlags: [...p.psFlags], sleeping: p.sleeping !== null,
    kids: w.children(p).map((k) => k.pid), depth: w.depth(p), tracees: w.tracees(p).map((t) => t.pid),
  });
  const s = w.state;
  return {
    procs: s.procs.map(proc),
    pgrps: s.pgrps.map((g) => ({ pgid: g.pgid, sid: g.sid })),
    sessions: s.sessions.map((x) => ({ sid: x.sid, leader: x.leader, tty: x.tty })),
    nprocs: s.nprocs, lastpid: s.lastpid, panic: s.panic,
    awake: w.awake.map((p) => p.pid),
    unusedPid: w.unusedPid(),
    absent: w.get(s.lastpid + 1000),
  };
}

describe('the kernel World', () => {
  it('reads, after every step, what a World of the snapshot reads (one World kept for the run, pids reused, tables wrapped)', () => {
    const source = recordedSource(3, 60);
    const oracle = createOracle();
    const world = kernelWorldReader(oracle);
    let steps = 0;
    for (let run = 0; run < 50; run++) {
      const { interleaving } = source(run);
      oracle.reset(withDefaults(interleaving.config));
      expect(reading(world())).toEqual(reading(new SnapshotWorld(oracle.snapshot())));
      for (const step of interleaving.steps) {
        oracle.apply(step);
        steps++;
        expect(reading(world())).toEqual(reading(new SnapshotWorld(oracle.snapshot())));
      }
    }
    expect(steps).toBeGreaterThan(1200);
  });

  it('starts afresh after a reset (a new kernel)', () => {
    const oracle = createOracle();
    const world = kernelWorldReader(oracle);
    oracle.reset(withDefaults({}));
    oracle.apply({ pid: 1, call: 'fork' });
    expect(world().awake.map((p) => p.pid)).toEqual([1, 2]);
    oracle.reset(withDefaults({}));
    expect(world().awake.map((p) => p.pid)).toEqual([1]);
  });
});
