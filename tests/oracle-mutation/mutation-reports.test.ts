import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergedReports } from '../../bench/figures/mutation-score';

/** The mutation figure adds up runs over some files: each file's result comes from the newest report that has it. */
describe('merging Stryker reports', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reapcheck-mutation-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, files: string[], secondsAgo: number) => {
    const report = { config: { jest: { configFile: `${name}.js` } }, files: Object.fromEntries(files.map((f) => [f, { source: name, mutants: [] }])) };
    const path = join(dir, `${name}.json`);
    writeFileSync(path, JSON.stringify(report));
    const t = new Date(Date.UTC(2026, 0, 1) - secondsAgo * 1000);
    utimesSync(path, t, t);
  };

  test('the newer report wins for the files both have; an older report still counts for the rest; unused reports are not named', () => {
    write('old', ['oracle/a.ts', 'oracle/b.ts'], 60);
    write('new', ['oracle/b.ts', 'oracle/c.ts'], 10);
    write('stale', ['oracle/b.ts'], 120);
    const m = mergedReports(dir);
    expect([...m.files].map(([f, r]) => [f, r.source]).sort()).toEqual([['oracle/a.ts', 'old'], ['oracle/b.ts', 'new'], ['oracle/c.ts', 'new']]);
    expect(m.used).toEqual([
      'old.json (2025-12-31T23:59:00.000Z, 1 file(s), jest config old.js)',
      'new.json (2025-12-31T23:59:50.000Z, 2 file(s), jest config new.js)',
    ]);
  });
});
