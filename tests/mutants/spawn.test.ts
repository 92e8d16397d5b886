import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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
