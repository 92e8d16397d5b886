import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reapcheck, tempDir } from './helpers';

const FIXTURE = {
  format: 'reapcheck-fixture',
  version: 1,
  name: 'fork-exit-reap',
  kind: 'golden',
  description: 'init forks, the child exits, init reaps it',
  config: {},
  steps: [
    { pid: 1, call: 'fork' },
    { pid: 2, call: 'fork' },
    { pid: 2, call: 'exit', code: 3 },
    { pid: 1, call: 'wait4', wpid: -1, options: [], status: 'valid', rusage: 'valid' },
  ],
};

jest.setTimeout(30_000);

describe('reapcheck explain', () => {
  test('prints each step with the process tree after it, and writes the SVG timeline next to the fixture', async () => {
    const dir = tempDir();
    const file = join(dir, 'fork-exit-reap.json');
    writeFileSync(file, JSON.stringify(FIXTURE));
    const r = await reapcheck(['explain', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('step 0: pid 1 fork()');
    // After the second fork: 3 is the grandchild, under 2, under init.
    expect(r.out).toMatch(/step 1: pid 2 fork\(\)[\s\S]*└─ 2 [^\n]*\n\s+└─ 3 /);
    // After 2 exits, it is a zombie with status 3 << 8 and 3 has gone to init.
    expect(r.out).toMatch(/step 2: pid 2 exit\(code=3\)[\s\S]*2 zombie[^\n]*xstat 0x300/);
    expect(r.out).toContain(`timeline: ${join(dir, 'fork-exit-reap.svg')}`);
    const svg = readFileSync(join(dir, 'fork-exit-reap.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const pid of [1, 2, 3]) expect(svg).toContain(`>pid ${pid}</text>`);
    expect(svg).toContain('zombie');
  });

  test('--svg puts the timeline where asked', async () => {
    const dir = tempDir();
    const file = join(dir, 'f.json');
    writeFileSync(file, JSON.stringify(FIXTURE));
    const svg = join(dir, 'elsewhere', 'timeline.svg');
    expect((await reapcheck(['explain', file, '--svg', svg])).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('</svg>');
  });
});
