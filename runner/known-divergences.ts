import type { Interleaving, StepResult } from '../interleaving';
import type { Failure } from './execute';

/**
 * A documented way one target differs from the reference, with the fixture that shows it. A run
 * that hits one reports it by id instead of failing; the fixture keeps it replayable.
 */
export interface KnownDivergence {
  /** Short id, as the target's documentation names it (e.g. `G3`). */
  id: string;
  /** The fixture's name. */
  name: string;
  /** The fixture, relative to the project root. */
  fixture: string;
  /** What the target does differently, in a line. */
  behaviour: string;
}

/**
 * A target's list of known divergences and the judge that recognises them. `classify` gets a
 * failing run up to its failure and returns the entry that explains it, or null: an unexplained
 * failure is a real one (shrunk, saved, exit 1).
 */
export interface KnownDivergences {
  entries: readonly KnownDivergence[];
  /** The steps' results on the target (up to the failure) are `actual`. */
  classify(il: Interleaving, failure: Failure, actual: readonly StepResult[]): KnownDivergence | null;
}

/** How often a run hit one known divergence, for the report. */
export interface KnownTally extends KnownDivergence {
  /** Runs whose first failure this entry explained. */
  runs: number;
  /** The first such run. */
  firstRun: number;
}

/** Counts runs per known divergence, in the list's order. */
export class KnownCounter {
  private readonly byId = new Map<string, KnownTally>();

  constructor(private readonly known: KnownDivergences) {}

  /** Count `failure` of run `run` if it is known; true when it was. */
  note(il: Interleaving, failure: Failure, actual: readonly StepResult[], run: number): boolean {
    const hit = this.known.classify(il, failure, actual);
    if (hit === null) return false;
    const t = this.byId.get(hit.id);
    if (t) t.runs++;
    else this.byId.set(hit.id, { ...hit, runs: 1, firstRun: run });
    return true;
  }

  tallies(): KnownTally[] {
    return this.known.entries.flatMap((e) => this.byId.get(e.id) ?? []);
  }
}
