import type { Config, Implementation, Interleaving, Snapshot } from '../../interleaving';
import { createOracle } from '../../oracle';
import { executeSync } from '../../runner/execute';
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

/** Live processes of a snapshot that have children. */
function parents(s: Snapshot): Set<number> {
  return new Set(s.procs.filter((p) => p.state !== 'ZOMBIE' && p.children.length > 0).map((p) => p.pid));
}

/**
 * Whether the order in which `died` (two or more, dying in one step) die shows: one of them has
 * children (they reach init in that order), or a process that lives on is asleep in wait4 and two
 * of them are its children or traced (it returns whichever it finds first when it wakes).
 */
function deathOrderShows(before: Snapshot, died: readonly number[]): boolean {
  const hadChildren = parents(before);
  if (died.some((pid) => hadChildren.has(pid))) return true;
  const view = new Map(before.procs.map((p) => [p.pid, p]));
  const traced = died.filter((pid) => view.get(pid)!.flags.includes('TRACED'));
  return before.procs.some((w) => w.sleeping?.chan === 'wait' && !died.includes(w.pid)
    && died.filter((pid) => view.get(pid)!.ppid === w.pid || traced.includes(pid)).length >= 2);
}

/**
 * The steps a real kernel cannot be pinned on, cut off: from the first step that ends two or more
 * processes at once (kill(-1) or a group kill) in a way whose order shows (deathOrderShows). Those
 * processes die concurrently on the host, so which of them, or of their children, reaches a wait
 * first varies from run to run; the quiescence rule of the harness cannot order them.
 */
export function cutAtConcurrentDeaths(il: Interleaving): Interleaving {
  let cut = il.steps.length;
  executeSync(createOracle(), il, {
    observe: ({ index, before, after }) => {
      if (cut < il.steps.length || !before || !after) return;
      const alive = new Set(after.procs.filter((p) => p.state !== 'ZOMBIE').map((p) => p.pid));
      const died = before.procs.filter((p) => p.state !== 'ZOMBIE' && !alive.has(p.pid)).map((p) => p.pid);
      if (died.length >= 2 && deathOrderShows(before, died)) cut = index;
    },
  });
  return { config: il.config, steps: il.steps.slice(0, cut) };
}

/**
 * Interleavings for a Linux target: generated step by step on the `linux` profile, so calls Linux
 * lacks are replaced as the model rejects them, and every step is valid there; then cut before
 * concurrent deaths the host cannot order (cutAtConcurrentDeaths).
 */
export function linuxInterleavingSource(seed: number, maxSteps: number): (run: number) => Interleaving {
  const model = createLinuxModel();
  return (run) => {
    const il = generateInterleaving(runSeed(seed, run), { model, maxSteps });
    return cutAtConcurrentDeaths({ config: linuxConfig(il.config), steps: il.steps });
  };
}
