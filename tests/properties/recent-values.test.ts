import { RecentValues } from '../../properties/invariants/lib/recent-values';

describe('RecentValues', () => {
  test('works a value out once per object while the object is among the last few asked about', () => {
    const made: number[] = [];
    const values = new RecentValues<{ n: number }, number>(2, ({ n }) => (made.push(n), n * 10));
    const [a, b, c] = [1, 2, 3].map((n) => ({ n }));
    expect([values.of(a), values.of(b), values.of(a)]).toEqual([10, 20, 10]);
    expect(made).toEqual([1, 2]);
    // c takes a's slot (the oldest), so a is worked out again, into b's.
    expect([values.of(c), values.of(b), values.of(a), values.of(c)]).toEqual([30, 20, 10, 30]);
    expect(made).toEqual([1, 2, 3, 1]);
  });
});
