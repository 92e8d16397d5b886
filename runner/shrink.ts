import type { Config, Interleaving, Step } from '../interleaving';
import type { Failure } from './execute';
import { simplifyConfig } from './shrink-config';
import { mergeProcesses } from './shrink-merge';
import { moveSteps } from './shrink-moves';
import { guessCreatedPids } from './shrink-pids';
import { recreateProcesses } from './shrink-recreate';
import { removeChunks } from './shrink-remove';
import { simplifyArguments } from './shrink-simplify';
import { swapProcesses } from './shrink-swap';
import { cutAfterFailure, type ShrinkPass, type ShrinkState } from './shrink-state';
import { tradeStep } from './shrink-trade';

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

/** Run every round until they change nothing: removal, simplification in place, config. */
const ROUND: readonly ShrinkPass[] = [removeChunks, simplifyArguments, simplifyConfig];

/**
 * Tried in turn once a round changes nothing; the first that changes the steps starts a new round.
 * Dearer, and only useful on a 1-minimal interleaving that is still not the shortest: each either
 * shortens it or (swapProcesses) moves it down a well-founded order, so the shrink still ends.
 */
const DEEPER: readonly ShrinkPass[] = [mergeProcesses, swapProcesses, tradeStep, recreateProcesses, moveSteps];

/**
 * Shrinks a failing interleaving to a 1-minimal one: cut after the failing step, then rounds of
 * chunk removal (with the processes removed steps created, renumbering later pids), argument and
 * pid simplification and config dropping until nothing changes; then the deeper passes: fold a
 * process into its creator, let created processes trade places so lower pids act first, trade a
 * step for another form, change how two processes are created, move a step (the last three
 * adopted only when a step can then go).
 */
export async function shrink(il: Interleaving, failure: Failure, fails: FailsFn, o: ShrinkOptions = {}): Promise<ShrinkResult> {
  const sameProperty = o.sameProperty ?? true;
  const maxReplays = o.maxReplays ?? 20_000;
  const createdPids = o.createdPids ?? guessCreatedPids;
  let config = il.config;
  let steps: readonly Step[] = cutAfterFailure(il.steps, failure);
  let current = failure;
  let replays = 0;

  const state: ShrinkState = {
    get steps() {
      return steps;
    },
    get config() {
      return config;
    },
    budgetLeft: () => replays < maxReplays,
    probe: async (candidate, candidateConfig = config) => {
      if (replays >= maxReplays) return null;
      replays++;
      const f = await fails({ config: candidateConfig, steps: [...candidate] });
      return f === null || (sameProperty && f.property !== failure.property) ? null : f;
    },
    adopt: (candidate, f, candidateConfig = config) => {
      steps = cutAfterFailure(candidate, f);
      config = candidateConfig;
      current = f;
    },
    attempt: async (candidate, candidateConfig = config) => {
      const f = await state.probe(candidate, candidateConfig);
      if (f !== null) state.adopt(candidate, f, candidateConfig);
      return f !== null;
    },
    createdPids: async (of = steps) => createdPids({ config, steps: [...of] }),
  };

  let minimal = false;
  while (state.budgetLeft()) {
    let changed = false;
    for (const pass of ROUND) if (await pass(state)) changed = true;
    if (changed) continue;
    // A round that changed nothing with budget left tried every single removal: 1-minimal.
    minimal = state.budgetLeft();
    let deeper = false;
    for (const pass of DEEPER) if (!deeper && (await pass(state))) deeper = true;
    if (!deeper) break;
    minimal = false;
  }
  return { interleaving: { config, steps: [...steps] }, failure: current, replays, minimal };
}
