import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropGone, mergedReports, mutatedText, staleFiles } from '../../bench/figures/mutation-score';

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

describe('files with no mutant to make', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reapcheck-free-'));
    mkdirSync(join(root, 'reports'));
    mkdirSync(join(root, 'oracle'));
    for (const f of ['code.ts', 'types.ts', 'later.ts']) writeFileSync(join(root, 'oracle', f), '');
    const t = new Date(Date.UTC(2026, 0, 1) - 3600 * 1000);
    for (const f of ['code.ts', 'types.ts', 'later.ts']) utimesSync(join(root, 'oracle', f), t, t);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const report = (name: string, mutate: string[], files: string[], at: Date) => {
    const path = join(root, 'reports', `${name}.json`);
    writeFileSync(path, JSON.stringify({ config: { mutate }, files: Object.fromEntries(files.map((f) => [f, { source: '', mutants: [] }])) }));
    utimesSync(path, at, at);
  };

  test('a file a run was told to mutate by name and reported nothing for has none; not a glob, not a file edited since, not one a later report has', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    report('batch', ['oracle/code.ts', 'oracle/types.ts', 'oracle/later.ts', 'oracle/**/*.ts'], ['oracle/code.ts'], at);
    expect(mergedReports(join(root, 'reports'), root).mutantFree).toEqual(['oracle/later.ts', 'oracle/types.ts']);
    const after = new Date(at.getTime() + 60_000);
    utimesSync(join(root, 'oracle', 'later.ts'), after, after);
    expect(mergedReports(join(root, 'reports'), root).mutantFree).toEqual(['oracle/types.ts']);
    report('newer', ['oracle/types.ts'], ['oracle/types.ts'], new Date(at.getTime() + 120_000));
    expect(mergedReports(join(root, 'reports'), root).mutantFree).toEqual([]);
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

  test('a file that is gone is left out of the score, not counted stale: no run could bring its report up to date', () => {
    const result = (source: string) => ({ source, mutants: [] });
    const files = new Map([['oracle/same.ts', result('export const a = 1;\n')], ['oracle/gone.ts', result('export const c = 1;\n')]]);
    expect(dropGone(files, root)).toEqual(['oracle/gone.ts']);
    expect([...files.keys()]).toEqual(['oracle/same.ts']);
    expect(staleFiles(files, root)).toEqual([]);
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
