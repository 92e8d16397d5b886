import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Implementation } from '../../interleaving';
import { connectProtocol } from '../protocol/client';
import { HARNESS_BINARY, hostAvailability } from '../host/target';

/** The runsc program (Debian package `runsc`); REAPCHECK_RUNSC overrides it. */
export const RUNSC = process.env.REAPCHECK_RUNSC || 'runsc';
/** Longest a sandbox may take to start and answer `--check` before gVisor counts as unavailable. */
const PROBE_TIMEOUT_MS = 15000;
/**
 * Settle window inside gVisor, µs. /proc there has no syscall file, pending-signal masks or switch
 * counts, so quiet is judged from states and announcements over several windows (settle.c); this
 * window is long enough for the sentry to deliver a signal or finish a wakeup between sweeps.
 */
export const GVISOR_SETTLE_US = 1000;

export type GvisorAvailability = { ok: true } | { ok: false; why: string };

let cached: GvisorAvailability | null = null;

function firstLine(text: string | Buffer | null | undefined): string {
  return String(text ?? '').trim().split('\n')[0] ?? '';
}

/**
 * The sandbox command line around a program. Each sandbox gets its own state directory (`--root`),
 * so nothing it leaves is shared with other runsc users; `--network=none`: puppets need no network.
 */
export function runscArgv(stateDir: string, program: readonly string[]): string[] {
  return [RUNSC, `--root=${stateDir}`, '--network=none', 'do', ...program];
}

function newStateDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'reapcheck-gvisor-'));
}

/**
 * Whether interleavings can run inside gVisor here: the host harness builds, `runsc` exists, and a
 * sandbox starts and can make pid namespaces (the harness's `--check`, run inside it). Computed once.
 */
export function gvisorAvailability(): GvisorAvailability {
  if (cached) return cached;
  cached = probe();
  return cached;
}

function probe(): GvisorAvailability {
  if (process.platform !== 'linux') return { ok: false, why: `gVisor needs Linux, this is ${process.platform}` };
  if (spawnSync(RUNSC, ['--version'], { stdio: 'ignore' }).error) return { ok: false, why: `${RUNSC} is not installed (Debian: apt-get install runsc)` };
  if (process.getuid?.() !== 0) return { ok: false, why: '`runsc do` needs root here' };
  const host = hostAvailability();
  if (!host.ok) return { ok: false, why: host.why };
  const stateDir = newStateDir();
  try {
    const check = spawnSync(runscArgv(stateDir, [])[0], runscArgv(stateDir, [HARNESS_BINARY, '--check']).slice(1), { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
    if (check.error) return { ok: false, why: `the gVisor sandbox did not start: ${check.error.message}` };
    if (check.status !== 0) return { ok: false, why: `the gVisor sandbox cannot run the harness: ${firstLine(check.stderr) || `exit ${check.status}`}` };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
  return { ok: true };
}

export interface GvisorOptions {
  /** Per-step timeout of the protocol client (default 4000 ms); the harness gives up 500 ms sooner. */
  timeoutMs?: number;
  /** CPU time of one model tick, in microseconds (default 1000). */
  tickUs?: number;
  /** Settle window of the harness inside the sandbox, µs (default GVISOR_SETTLE_US). */
  settleUs?: number;
  /** Extra environment for the harness (tests mark every process with it). */
  env?: NodeJS.ProcessEnv;
}

/**
 * gVisor as an Implementation: the host harness run inside one `runsc do` sandbox, which lives as
 * long as the Implementation (interleavings reset a pid namespace inside it; a broken harness is
 * restarted in a fresh sandbox by the protocol client). Closing it, a crash of the harness, or the
 * runner's exit or interruption ends the sandbox: `runsc do` is killed as a process group, and its
 * sentry and gofer die with it (`boot --attached`). Rejects with the reason when gVisor is unusable.
 */
export async function createGvisorImplementation(options: GvisorOptions = {}): Promise<Implementation> {
  const available = gvisorAvailability();
  if (!available.ok) throw new Error(`gVisor cannot be used: ${available.why}`);
  const timeoutMs = options.timeoutMs ?? 4000;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    REAPCHECK_HOST_STEP_MS: String(Math.max(100, timeoutMs - 500)),
    REAPCHECK_HOST_SETTLE_US: String(options.settleUs ?? GVISOR_SETTLE_US),
  };
  if (options.tickUs !== undefined) env.REAPCHECK_TICK_US = String(options.tickUs);
  const stateDir = newStateDir();
  const removeState = (): void => rmSync(stateDir, { recursive: true, force: true });
  try {
    const impl = await connectProtocol(runscArgv(stateDir, [HARNESS_BINARY]), { profile: 'linux', timeoutMs, env, startTimeoutMs: PROBE_TIMEOUT_MS });
    return {
      ...impl,
      name: 'gvisor',
      close: async () => {
        try {
          await impl.close();
        } finally {
          removeState();
        }
      },
    };
  } catch (e) {
    removeState();
    throw e;
  }
}
