import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../cli/io';
import { main } from '../../cli/main';

export const ROOT = join(__dirname, '..', '..');
export const ORACLE_SERVER = `cmd:${process.execPath} ${join(ROOT, 'dist/adapters/protocol/oracle-server.js')}`;

/** Run the CLI in-process, capturing what it prints. */
export async function reapcheck(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), progress: false, cwd };
  const code = await main(args, io);
  return { code, out, err };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'reapcheck-cli-'));
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * dist/ for the tests that spawn compiled programs: `npm test` builds it first; a lone
 * `npx jest tests/cli` builds it here when it is missing or older than the sources.
 */
export function ensureBuilt(): void {
  const entry = join(ROOT, 'dist/cli/main.js');
  const dirs = ['interleaving', 'oracle', 'properties', 'runner', 'adapters', 'mutants', 'cli'].map((d) => join(ROOT, d)).filter(existsSync);
  const fresh = () => existsSync(entry) && statSync(entry).mtimeMs >= Math.max(...dirs.map(newestSource));
  if (fresh()) return;
  // One jest worker builds; the others wait for it (mkdir is atomic).
  const lock = join(ROOT, 'dist.building');
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 120_000;
    while (existsSync(lock) && Date.now() < until) execFileSync('sleep', ['0.2']);
    return;
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { stdio: 'pipe' });
  } catch {
    // Type errors in parts still being written do not stop tsc from emitting JavaScript.
  } finally {
    rmdirSync(lock);
  }
}
