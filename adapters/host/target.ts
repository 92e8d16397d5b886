import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Implementation } from '../../interleaving';
import { connectProtocol } from '../protocol/client';

/** Where the build script and its output live (the output is gitignored, never committed). */
const ROOT = path.resolve(__dirname, '..', '..');
export const HOST_DIR = path.join(path.basename(ROOT) === 'dist' ? path.dirname(ROOT) : ROOT, 'adapters', 'host');
export const BUILD_SCRIPT = path.join(HOST_DIR, 'build.sh');
export const HARNESS_BINARY = path.join(HOST_DIR, 'build', 'reapcheck-host');
export const FORKLOOP_BINARY = path.join(HOST_DIR, 'build', 'bench-forkloop');

export type HostAvailability = { ok: true } | { ok: false; why: string };

let cached: HostAvailability | null = null;

function firstLine(text: string | Buffer | null | undefined): string {
  return String(text ?? '').trim().split('\n')[0] ?? '';
}

/** Build the harness (a no-op when it is up to date); throws with the compiler's first line on failure. */
export function buildHost(): void {
  try {
    execFileSync('sh', [BUILD_SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: Buffer };
    throw new Error(`building the host harness failed: ${firstLine(err.stderr) || String(e)}`);
  }
}

/**
 * Whether this machine can run interleavings on its own kernel: Linux, a C compiler, and the right
 * to make pid namespaces (the harness refuses to run uncontained). Builds the harness on the way.
 * The answer is computed once per process.
 */
export function hostAvailability(): HostAvailability {
  if (cached) return cached;
  cached = probe();
  return cached;
}

function probe(): HostAvailability {
  if (process.platform !== 'linux') return { ok: false, why: `the host harness needs Linux, this is ${process.platform}` };
  const cc = process.env.CC ?? 'cc';
  if (spawnSync(cc, ['--version'], { stdio: 'ignore' }).status !== 0) return { ok: false, why: `no C compiler (${cc}) to build the host harness` };
  try {
    buildHost();
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
  if (!existsSync(HARNESS_BINARY)) return { ok: false, why: `the build did not produce ${HARNESS_BINARY}` };
  const check = spawnSync(HARNESS_BINARY, ['--check'], { encoding: 'utf8' });
  if (check.status !== 0) return { ok: false, why: firstLine(check.stderr) || `${HARNESS_BINARY} --check exited with ${check.status}` };
  return { ok: true };
}

export interface HostOptions {
  /** Per-step timeout of the protocol client (default 2000 ms); the harness gives up 500 ms sooner. */
  timeoutMs?: number;
  /** CPU time of one model tick, in microseconds (default 1000). */
  tickUs?: number;
  /** Extra environment for the harness (tests use it to mark every process it makes). */
  env?: NodeJS.ProcessEnv;
}

/**
 * This machine's Linux kernel as an Implementation: the C harness spoken to over the line protocol,
 * one pid namespace per interleaving. Rejects with the reason when the host cannot run it.
 */
export async function createHostImplementation(options: HostOptions = {}): Promise<Implementation> {
  const available = hostAvailability();
  if (!available.ok) throw new Error(`the host kernel cannot be used: ${available.why}`);
  const timeoutMs = options.timeoutMs ?? 2000;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, REAPCHECK_HOST_STEP_MS: String(Math.max(100, timeoutMs - 500)) };
  if (options.tickUs !== undefined) env.REAPCHECK_TICK_US = String(options.tickUs);
  return connectProtocol([HARNESS_BINARY], { profile: 'linux', timeoutMs, env });
}
