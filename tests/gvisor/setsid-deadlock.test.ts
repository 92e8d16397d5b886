import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runscArgv } from '../../adapters/gvisor/target';
import { describeGvisor, processesMentioning, until } from './gvisor-suite';

/**
 * G7 without the harness: adapters/gvisor/repro/setsid-deadlock.c prints "setsid returned" on Linux
 * and hangs in gVisor. When gVisor finishes it, this test fails: drop the harness's refusal
 * (adapters/host/src/step.c) and the G7 entry.
 */

const SOURCE = path.resolve(__dirname, '..', '..', 'adapters', 'gvisor', 'repro', 'setsid-deadlock.c');
const HANG_MS = 3000;

/** Run argv for at most `ms`, then SIGKILL its process group; resolves with its stderr and whether it finished by itself. */
function runBounded(argv: string[], ms: number): Promise<{ finished: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let finished = true;
    const timer = setTimeout(() => {
      finished = false;
      process.kill(-child.pid!, 'SIGKILL');
    }, ms);
    child.once('close', () => {
      clearTimeout(timer);
      resolve({ finished, stderr });
    });
  });
}

describeGvisor('gVisor G7: setsid with a child in a nested pid namespace', () => {
  jest.setTimeout(30000);
  let dir: string;
  let binary: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'reapcheck-gvisor-repro-'));
    binary = path.join(dir, 'setsid-deadlock');
    execFileSync(process.env.CC ?? 'cc', ['-std=gnu11', '-O2', '-Wall', '-Werror', '-o', binary, SOURCE]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('returns on this machine\'s Linux kernel', async () => {
    expect(await runBounded([binary], HANG_MS)).toEqual({ finished: true, stderr: 'setsid returned\n' });
  });

  test('never returns inside gVisor, and the killed sandbox leaves nothing behind', async () => {
    const state = path.join(dir, 'state');
    expect(await runBounded(runscArgv(state, [binary]), HANG_MS)).toEqual({ finished: false, stderr: '' });
    expect(await until(() => processesMentioning(state).length === 0, 5000)).toBe(true);
  });
});
