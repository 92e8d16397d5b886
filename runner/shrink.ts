import type { Interleaving, Step } from '../interleaving';
import type { Failure } from './execute';
import { simplerSteps } from './shrink-args';
import { createsProcess, guessCreatedPids, lowerPidVariants, pidsOf, removeWithProcesses, renumberTemporally } from './shrink-pids';
import type { Config } from '../interleaving';

/** Replays a candidate: its failure, or null when it passes or is invalid (a step was rejected). */
export type FailsFn = (il: Interleaving) => Promise<Failure | null> | Failure | null;

export interface ShrinkOptions {
  /** Only accept candidates failing the same property (default true). */
  sameProperty?: boolean;
  /** Replay budget (default 20,000). */
  maxReplays?: number;
  /**
   * The pid each step created (null for steps that created none), used to renumber pids when a fork
   * is removed. Default: a guess from sequential allocation (shrink-pids.ts).
   */
  createdPids?: (il: Interleaving) => Promise<(number | null)[]> | (number | null)[];
}

export interface ShrinkResult {
  interleaving: Interleaving;
  failure: Failure;
  replays: number;
  /** True when the fixpoint was reached: removing any single step makes the run pass or invalid. */
  minimal: boolean;
}

/** The executed prefix up to and including the failing step. */
function cut(steps: readonly Step[], failure: Failure): Step[] {
  return steps.slice(0, Math.max(failure.step + 1, 0));
}

/**
 * Shrinks a failing interleaving to a 1-minimal one: cut after the failing step, remove chunks of
 * halving size (with the processes they created, renumbering later pids), simplify arguments and
 * lower pids (hoist a fork to an ancestor), and repeat until nothing changes.
 */
export async function shrink(il: Interleaving, failure: Failure, fails: FailsFn, o: ShrinkOptions = {}): Promise<ShrinkResult> {
  const sameProperty = o.sameProperty ?? true;
  const maxReplays = o.maxReplays ?? 20_000;
  const createdPids = o.createdPids ?? guessCreatedPids;
  let config = il.config;
  let steps = cut(il.steps, failure);
  let current = failure;
  let replays = 0;

  /** Replays a candidate and adopts it if it still fails. */
  const attempt = async (candidate: Step[], candidateConfig: Partial<Config> = config): Promise<boolean> => {
    if (replays >= maxReplays) return false;
    replays++;
    const f = await fails({ config: candidateConfig, steps: candidate });
    if (f === null || (sameProperty && f.property !== failure.property)) return false;
    steps = cut(candidate, f);
    config = candidateConfig;
    current = f;
    return true;
  };

  /**
   * Drop config settings (a small pidMax forces pid reuse, which pins many steps in place): each key
   * removed in turn, the steps renumbered for the default allocator.
   */
  const simplifyConfig = async (): Promise<boolean> => {
    let changed = false;
    const drops: (keyof Config)[][] = [['pidMax', 'pidFloor'], ...(Object.keys(config) as (keyof Config)[]).filter((k) => k !== 'profile').map((k) => [k])];
    for (const keys of drops) {
      if (!keys.some((k) => k in config)) continue;
      const simpler = { ...config };
      for (const k of keys) delete simpler[k];
      const from = await createdPids({ config, steps });
      const renumbered = renumberTemporally(steps, from, guessCreatedPids({ config: simpler, steps }));
      if (renumbered !== null && (await attempt(renumbered, simpler))) changed = true;
      else if (await attempt(steps, simpler)) changed = true;
    }
    return changed;
  };

  const removeChunks = async (): Promise<boolean> => {
    let changed = false;
    for (let size = Math.max(1, steps.length >> 1); size >= 1; size >>= 1) {
      for (let start = 0; start < steps.length && replays < maxReplays; ) {
        const end = Math.min(start + size, steps.length);
        if (await attempt([...steps.slice(0, start), ...steps.slice(end)])) {
          changed = true;
          continue;
        }
        if (steps.slice(start, end).some(createsProcess)) {
          const created = await createdPids({ config, steps });
          if (await attempt(removeWithProcesses(steps, start, end, created))) {
            changed = true;
            continue;
          }
        }
        start += size;
      }
    }
    return changed;
  };

  const simplifyArguments = async (): Promise<boolean> => {
    let changed = false;
    for (let i = 0; i < steps.length && replays < maxReplays; i++) {
      for (let progress = true; progress && i < steps.length; ) {
        progress = false;
        const known = [...new Set([1, ...steps.slice(0, i).flatMap(pidsOf)])].sort((x, y) => x - y);
        for (const variant of [...simplerSteps(steps[i]), ...lowerPidVariants(steps[i], known)]) {
          if (await attempt([...steps.slice(0, i), variant, ...steps.slice(i + 1)])) {
            changed = progress = true;
            break;
          }
        }
      }
    }
    return changed;
  };

  let changed = true;
  while (changed && replays < maxReplays) {
    const removed = await removeChunks();
    const simplified = await simplifyArguments();
    const configured = await simplifyConfig();
    changed = removed || simplified || configured;
  }
  return { interleaving: { config, steps }, failure: current, replays, minimal: !changed && replays < maxReplays };
}
