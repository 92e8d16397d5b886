import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TargetError } from '../../adapters/targets';
import { repoRoot } from './repo-paths';

/**
 * The binary of `mutants/c/NAME.c`, compiled with the system's cc into `mutants/c/build/` (gitignored)
 * when it is missing or older than its source. The compiler writes a file of this process's own and
 * renames it into place, so a process that finds the binary finds it whole: several test files (or
 * a campaign beside them) may build it at once, and one executing a half-written binary broke before
 * its first step (EACCES or ETXTBSY).
 */
export function buildC(name: string, root = repoRoot()): string {
  const source = join(root, 'mutants/c', `${name}.c`);
  const binary = join(root, 'mutants/c/build', name);
  if (!existsSync(source)) throw new TargetError(`mutant ${name}: its source ${source} is missing`);
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) return binary;
  mkdirSync(join(root, 'mutants/c/build'), { recursive: true });
  const cc = process.env.CC ?? 'cc';
  const partial = `${binary}.${process.pid}.tmp`;
  try {
    execFileSync(cc, ['-O2', '-Wall', '-o', partial, source], { stdio: 'pipe' });
    renameSync(partial, binary);
  } catch (e) {
    rmSync(partial, { force: true });
    const detail = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    throw new TargetError(`mutant ${name}: compiling ${source} with ${cc} failed: ${detail}`);
  }
  return binary;
}
