import type { Config, Implementation, Interleaving } from '../../interleaving';
import { createOracle } from '../../oracle';
import { generateInterleaving } from '../generators/generate';
import { runSeed } from '../seeds';

/**
 * A generated config made fit for Linux: the `linux` profile, and none of the tiny pid spaces and
 * maxproc limits that only FreeBSD's allocator takes (Linux refuses pid_max below 301, and
 * kern.maxproc is global there). RLIMIT_NPROC is per namespace, so it stays.
 */
export function linuxConfig(c: Partial<Config>): Partial<Config> {
  return { profile: 'linux', ...(c.nprocLimit === undefined ? {} : { nprocLimit: c.nprocLimit }) };
}

/** The oracle on the `linux` profile, whatever config it is reset with: it guides generation for Linux. */
export function createLinuxModel(): Implementation {
  const oracle = createOracle({ name: 'oracle-linux' });
  return {
    name: oracle.name,
    reset: (c) => oracle.reset({ ...c, ...linuxConfig(c), profile: 'linux' } as Config),
    apply: (s) => oracle.apply(s),
    snapshot: () => oracle.snapshot(),
  };
}

/**
 * Interleavings for a Linux target: generated step by step on the `linux` profile, so calls Linux
 * lacks are replaced as the model rejects them, and every step is valid there.
 */
export function linuxInterleavingSource(seed: number, maxSteps: number): (run: number) => Interleaving {
  const model = createLinuxModel();
  return (run) => {
    const il = generateInterleaving(runSeed(seed, run), { model, maxSteps });
    return { config: linuxConfig(il.config), steps: il.steps };
  };
}
