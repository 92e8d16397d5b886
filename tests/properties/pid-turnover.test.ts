import type { ProcView, Snapshot } from '../../interleaving';
import { pidTurnover } from '../../properties/invariants/lib/pid-turnover';

/** A table with only pids (all pidTurnover reads). */
const table = (...pids: number[]): Snapshot => ({ procs: pids.map((pid) => ({ pid }) as ProcView), pgrps: [], sessions: [] }) as unknown as Snapshot;

test('pidTurnover lists the pids only in after as created and only in before as freed, each once, in list order', () => {
  expect(pidTurnover(table(1, 3, 5), table(1, 2, 5, 7))).toEqual({ created: [2, 7], freed: [3] });
  expect(pidTurnover(table(1, 1, 2), table(2, 4, 4))).toEqual({ created: [4], freed: [1] });
  expect(pidTurnover(table(5, 1, 3), table(3, 9, 1, 9))).toEqual({ created: [9], freed: [5] });
  expect(pidTurnover(table(), table(2))).toEqual({ created: [2], freed: [] });
  const same = table(1, 2);
  expect(pidTurnover(same, table(1, 2))).toEqual({ created: [], freed: [] });
  expect(pidTurnover(same, same)).toEqual({ created: [], freed: [] });
});
