import { median, ratios, summarize } from '../../bench/stats';

describe('bench statistics', () => {
  it('median of odd and even counts, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of no values');
  });

  it('summary: median, lowest, highest, count', () => {
    expect(summarize([3, 9, 1, 4])).toEqual({ median: 3.5, min: 1, max: 9, runs: 4 });
  });

  it('ratios pair run i with run i, and refuse series of different lengths', () => {
    expect(ratios([10, 9], [5, 3])).toEqual([2, 3]);
    expect(() => ratios([1], [1, 2])).toThrow('different lengths (1 and 2)');
  });
});
