import { spread, table, verdict, whole } from '../../bench/format';

describe('bench formatting', () => {
  it('a Markdown table with a separator row', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });

  it('whole numbers with thousands separators; median (min–max)', () => {
    expect(whole(1234567.6)).toBe('1,234,568');
    expect(spread({ median: 2000, min: 1500, max: 2500, runs: 3 })).toBe('2,000 (1,500–2,500)');
  });

  it('verdicts', () => {
    expect([verdict(true), verdict(false)]).toEqual(['met', 'MISSED']);
  });
});
