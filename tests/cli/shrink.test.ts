import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, reapcheck, tempDir } from './helpers';

jest.setTimeout(30_000);
beforeAll(ensureBuilt, 120_000);

const LONG = {
  format: 'reapcheck-fixture',
  version: 1,
  name: 'two-forks-and-more',
  kind: 'regression',
  description: 'the wrong-fork module fails at the second fork',
  config: {},
  steps: [
    { pid: 1, call: 'fork' },
    { pid: 2, call: 'getppid' },
    { pid: 1, call: 'run', ticks: 5 },
    { pid: 1, call: 'fork' },
    { pid: 3, call: 'exit', code: 1 },
  ],
};

describe('reapcheck shrink', () => {
  test('shrinks a failing fixture on the target and saves it before printing', async () => {
    const dir = tempDir();
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(LONG));
    const liar = join(__dirname, 'targets/wrong-fork-module.js');
    const r = await reapcheck(['shrink', file, '--impl', liar, '--out', dir]);
    expect(r.code).toBe(1);
    const saved = join(dir, 'two-forks-and-more-shrunk.json');
    expect(r.out).toContain(`fixture: ${saved} (5 steps shrunk to 2 in `);
    const shrunk = JSON.parse(readFileSync(saved, 'utf8'));
    expect(shrunk.steps).toEqual([{ pid: 1, call: 'fork' }, { pid: 1, call: 'fork' }]);
    expect(shrunk.found).toMatchObject({ property: 'differential', step: 1, target: liar });
  });

  test('a fixture that passes has nothing to shrink', async () => {
    const dir = tempDir();
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(LONG));
    const r = await reapcheck(['shrink', file, '--impl', 'oracle', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('passes on oracle (freebsd-r176365): nothing to shrink');
  });
});
