import { UidCounts } from '../../oracle/snapshot/uid-counts';
import { ViewTable, type ViewEntry } from '../../oracle/snapshot/view-table';

interface Thing {
  id: number;
}

/** A table of things whose view is the thing itself. */
const things = () => new ViewTable<Thing, Thing>((t): ViewEntry<Thing, Thing> => ({ source: t, current: () => t }), (v) => v.id);

describe('ViewTable.sorted', () => {
  test('sorts a table walked in reverse id order, the smallest id last', () => {
    const ts = [5, 4, 3, 2, 1].map((id) => ({ id }));
    const out = things().sorted(new Map(ts.map((t) => [t.id, t])), undefined);
    expect(out.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
  });

  test('gives back the previous array while the views are the same, a new one after a deletion', () => {
    const ts = [2, 1, 3].map((id) => ({ id }));
    const table = new Map(ts.map((t) => [t.id, t]));
    const views = things();
    const first = views.sorted(table, undefined);
    expect(views.sorted(table, first)).toBe(first);
    table.delete(1);
    const second = views.sorted(table, first);
    expect(second.map((t) => t.id)).toEqual([2, 3]);
    expect(views.sorted(table, second)).toBe(second);
  });

  test('an unchanged table still walked out of order after it shrank gives back the previous array', () => {
    // The reused buffer then holds more views than the table: only the table's own count is compared.
    const table = new Map([3, 1, 2].map((id) => [id, { id }]));
    const views = things();
    const first = views.sorted(table, undefined);
    table.delete(2);
    const second = views.sorted(table, first);
    expect(second.map((t) => t.id)).toEqual([1, 3]);
    expect(views.sorted(table, second)).toBe(second);
  });

  test('a table walked out of order and grown at its end gives a new array', () => {
    const table = new Map([2, 1].map((id) => [id, { id }]));
    const views = things();
    const first = views.sorted(table, undefined);
    table.set(3, { id: 3 });
    expect(views.sorted(table, first).map((t) => t.id)).toEqual([1, 2, 3]);
  });
});

describe('UidCounts.record', () => {
  test('the same counts give one shared frozen record, in every builder; other counts for the same uids another', () => {
    const a = new UidCounts().record(new Map([[0, 2], [1001, 1]]));
    expect(a).toEqual({ 0: 2, 1001: 1 });
    expect(Object.isFrozen(a)).toBe(true);
    expect(new UidCounts().record(new Map([[0, 2], [1001, 1]]))).toBe(a);
    const counts = new UidCounts();
    expect(counts.record(new Map([[0, 3], [1001, 1]]))).toEqual({ 0: 3, 1001: 1 });
    expect(counts.record(new Map([[0, 3]]))).toEqual({ 0: 3 });
    expect(counts.record(new Map([[0, 2], [1001, 1]]))).toBe(a);
  });
});
