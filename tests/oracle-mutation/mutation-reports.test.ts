import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergedReports, mutatedText, staleFiles } from '../../bench/figures/mutation-score';

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

describe('stale reports', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reapcheck-stale-'));
    mkdirSync(join(root, 'oracle'));
    writeFileSync(join(root, 'oracle', 'same.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'oracle', 'edited.ts'), 'export const b = 3;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('a file whose text differs from the source its report mutated is stale, and so is one that is gone', () => {
    const result = (source: string) => ({ source, mutants: [] });
    const files = new Map([
      ['oracle/same.ts', result('export const a = 1;\n')],
      ['oracle/edited.ts', result('export const b = 2;\n')],
      ['oracle/gone.ts', result('export const c = 1;\n')],
    ]);
    expect(staleFiles(files, root)).toEqual(['oracle/edited.ts', 'oracle/gone.ts']);
  });
});

describe('the text a mutant replaces', () => {
  const lines = ['if (a && b) {', '  x = [1,', '    2];', '}'];
  test('on one line: the span between the 1-based columns', () => {
    expect(mutatedText(lines, { line: 1, column: 5 }, { line: 1, column: 11 })).toBe('a && b');
  });
  test('over several lines: the first line from its column, the lines between, the last up to its column', () => {
    expect(mutatedText(lines, { line: 2, column: 7 }, { line: 3, column: 7 })).toBe('[1,\n    2]');
  });
});
