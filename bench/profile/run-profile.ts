import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CpuProfile } from './cpuprofile';
import type { Workload } from './workload';

/** Profiles one workload for `seconds` in a child process (a fresh heap and JIT, nothing else loaded). */
export function profileWorkload(mode: Workload, seed: number, seconds: number): CpuProfile {
  const dir = mkdtempSync(join(tmpdir(), 'reapcheck-prof-'));
  const file = join(dir, `${mode}.cpuprofile`);
  try {
    execFileSync(process.execPath, [join(__dirname, 'workload.js'), mode, String(seed), String(seconds), file], { stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
