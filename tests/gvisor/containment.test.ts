import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createGvisorImplementation } from '../../adapters/gvisor/target';
import { withDefaults } from '../../interleaving';
import { describeGvisor, processesMentioning, until } from './gvisor-suite';

/**
 * Containment (issue 7 item 4): no runsc, gofer or sentry process outlives a run, whether it is
 * closed, killed half-way (SIGINT or SIGKILL of the runner), or the sandbox itself crashes. Every
 * sandbox of a target is found by its own state directory, `reapcheck-gvisor-*`, on the runsc
 * command line, and by the bundle directory (`--root=/tmp/runsc-do*`) its gofer and sentry carry.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const GONE_WITHIN_MS = 5000;

/** The runsc `do` process a runner started (its child), and the bundle its gofer and sentry name. */
function sandboxOfRunner(runner: number): { runsc: number; bundle: string } | null {
  const runsc = processesMentioning('reapcheck-gvisor-').find((p) => p.ppid === runner && p.cmdline.startsWith('runsc'));
  if (!runsc) return null;
  const helper = processesMentioning('runsc').find((p) => p.ppid === runsc.pid && /--root=\S*runsc-do/.test(p.cmdline));
  const bundle = helper?.cmdline.match(/--root=(\S+)/)?.[1];
  return bundle ? { runsc: runsc.pid, bundle } : null;
}

function sandboxAlive(s: { runsc: number; bundle: string }): boolean {
  return processesMentioning(s.bundle).length > 0 || processesMentioning('runsc').some((p) => p.pid === s.runsc);
}

describeGvisor('gVisor target: containment', () => {
  jest.setTimeout(60000);

  it('runs many interleavings in one sandbox and leaves nothing once closed', async () => {
    const impl = await createGvisorImplementation();
    let sandbox: { runsc: number; bundle: string } | null = null;
    try {
      for (let i = 0; i < 3; i++) {
        await impl.reset(withDefaults({ profile: 'linux' }));
        await impl.apply({ pid: 1, call: 'fork' });
        const now = sandboxOfRunner(process.pid);
        expect(now).not.toBeNull();
        // The same sandbox across interleavings: only the pid namespace inside it is renewed.
        if (sandbox) expect(now).toEqual(sandbox);
        sandbox = now;
      }
    } finally {
      await impl.close?.();
    }
    expect(await until(() => !sandboxAlive(sandbox!), GONE_WITHIN_MS)).toBe(true);
  });

  it('leaves nothing when the sandbox\'s sentry is killed (a crash under the harness)', async () => {
    const impl = await createGvisorImplementation({ timeoutMs: 3000 });
    try {
      await impl.reset(withDefaults({ profile: 'linux' }));
      await impl.apply({ pid: 1, call: 'fork' });
      const sandbox = sandboxOfRunner(process.pid)!;
      const sentry = processesMentioning(sandbox.bundle).find((p) => p.cmdline.includes(' boot '))!;
      process.kill(sentry.pid, 'SIGKILL');
      await expect(Promise.resolve(impl.apply({ pid: 1, call: 'fork' }))).rejects.toThrow();
      expect(await until(() => !sandboxAlive(sandbox), GONE_WITHIN_MS)).toBe(true);
    } finally {
      await impl.close?.();
    }
  });

  it.each(['SIGINT', 'SIGKILL'] as const)('leaves nothing when `reapcheck run --impl gvisor` gets %s half-way', async (signal) => {
    const runner = spawn(process.execPath, [path.join(ROOT, 'bin', 'reapcheck.js'), 'run', '--impl', 'gvisor', '--runs', '100000', '--seed', '5', '--out', path.join(tmpdir(), 'reapcheck-gvisor-containment-failures')], { stdio: 'ignore' });
    const exited = new Promise<void>((r) => runner.once('exit', () => r()));
    try {
      let sandbox: { runsc: number; bundle: string } | null = null;
      expect(await until(() => (sandbox = sandboxOfRunner(runner.pid!)) !== null, 20000)).toBe(true);
      // Half-way: let it run interleavings for a moment.
      await new Promise((r) => setTimeout(r, 1500));
      runner.kill(signal);
      await exited;
      expect(await until(() => !sandboxAlive(sandbox!), GONE_WITHIN_MS)).toBe(true);
    } finally {
      runner.kill('SIGKILL');
    }
  });
});
