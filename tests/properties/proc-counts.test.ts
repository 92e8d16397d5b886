import type { Config, ProcView, Snapshot } from '../../interleaving';
import { withDefaults } from '../../interleaving';
import { procCounts } from '../../properties/invariants';
import type { CheckContext } from '../../runner/check';

/** A table of processes with these uids (only what proc-counts reads), and a counts record. */
function table(uids: number[], uidCounts: Record<number, number>): Snapshot {
  const procs = uids.map((uid, i) => ({ pid: i + 1, uid, state: 'NORMAL' }) as unknown as ProcView);
  return { procs, pgrps: [], sessions: [], nprocs: procs.length, uidCounts, lastpid: procs.length, panic: null };
}

const config: Config = withDefaults({});

/** proc-counts' verdict on `after`, in a fresh run (whole-table judging). */
function verdict(after: Snapshot): string | null {
  const ctx = { config, index: 0, step: { pid: 1, call: 'getppid' }, result: { observations: [], log: [] }, before: table([0], { 0: 1 }), after } as CheckContext;
  return procCounts.start(config).check(ctx);
}

/** I7's per-uid counts, literally; one counts record is shared by the three tables, as the oracle shares an unchanged one. */
describe('proc-counts: each uid count is the number of processes with that uid', () => {
  const counts = Object.freeze({ 0: 2, 1001: 1, 1002: 0 });

  test('counts that agree (a zero count for a uid owning nothing is fine)', () => {
    expect(verdict(table([0, 1001, 0], counts))).toBeNull();
  });

  test('a uid owning more processes than its count', () => {
    expect(verdict(table([0, 0, 0], counts))).toBe('uid 0 owns 3 processes but its count is 2');
  });

  test('a uid with a count that owns no process', () => {
    expect(verdict(table([0, 0], counts))).toBe('uid 1001 has count 1 but owns no process');
  });
});
