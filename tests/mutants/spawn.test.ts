import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildC } from '../../mutants/protocol/build-c';
import { ensureBuilt, ROOT, tempDir } from '../cli/helpers';

jest.setTimeout(30_000);

beforeAll(ensureBuilt, 120_000);

/** The real command, as a user runs it. */
function reapcheckRun(target: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/reapcheck.js'), 'run', '--impl', target, '--out', tempDir()], { cwd: ROOT, encoding: 'utf8', timeout: 25_000 });
}

describe('reapcheck run --impl mutant:NAME, end to end', () => {
  // One in-process mutant and one separate program; the others are run in-process by run.test.ts.
  test.each(['xstat-not-saved', 'c-echild-as-einval'])('mutant:%s exits 1 and prints the failure and its replay command', (name) => {
    const r = reapcheckRun(`mutant:${name}`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL /m);
    expect(r.stdout).toContain(`--impl mutant:${name}`);
  });

  test('an unknown mutant is exit 2 with the list of names', () => {
    const r = reapcheckRun('mutant:no-such-bug');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no mutant named "no-such-bug"; available: .*xstat-not-saved/);
  });
});

/** A checkout with one C mutant `m` and a stand-in compiler that logs its output path and writes a script there (or fails). */
function fakeCheckout(fails: boolean) {
  const root = tempDir();
  mkdirSync(join(root, 'mutants/c'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}');
  writeFileSync(join(root, 'mutants/c/m.c'), 'int main(void) { return 0; }\n');
  const log = join(root, 'cc.log');
  const cc = join(root, 'cc');
  // argv: -O2 -Wall -o OUT SOURCE
  writeFileSync(cc, `#!/bin/sh\necho "$4" >> ${log}\nprintf '#!/bin/sh\\necho built\\n' > "$4"\nchmod +x "$4"\n${fails ? 'echo boom >&2; exit 1' : ''}\n`);
  chmodSync(cc, 0o755);
  return { root, log, cc, build: join(root, 'mutants/c/build') };
}

describe('building the C mutant', () => {
  const cc = process.env.CC;
  afterEach(() => (cc === undefined ? delete process.env.CC : (process.env.CC = cc)));

  test('compiles into a file of its own beside the binary and renames it into place, so no one runs a half-written binary', () => {
    const f = fakeCheckout(false);
    process.env.CC = f.cc;
    const binary = buildC('m', f.root);
    expect(binary).toBe(join(f.build, 'm'));
    const written = readFileSync(f.log, 'utf8').trim();
    expect(written).not.toBe(binary);
    expect(dirname(written)).toBe(f.build);
    expect(readdirSync(f.build)).toEqual(['m']);
    expect(execFileSync(binary, { encoding: 'utf8' })).toBe('built\n');
    // Up to date: not compiled again.
    expect(buildC('m', f.root)).toBe(binary);
    expect(readFileSync(f.log, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  test('a failed compile names the source and the compiler, and leaves nothing in the build directory', () => {
    const f = fakeCheckout(true);
    process.env.CC = f.cc;
    expect(() => buildC('m', f.root)).toThrow(`mutant m: compiling ${join(f.root, 'mutants/c/m.c')} with ${f.cc} failed: boom`);
    expect(readdirSync(f.build)).toEqual([]);
  });
});
