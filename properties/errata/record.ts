import { writeFixtureAtomic } from '../../runner/fixture-reader';
import { createModel } from '../model';
import type { Erratum } from './erratum';
import { ERRATA } from './index';
import { erratumFixture, hunt, shrinkSighting } from './hunt';

export interface RecordReport {
  erratum: string;
  name: string;
  found: boolean;
  run?: number;
  originalLength?: number;
  minimalLength?: number;
  replays?: number;
  path?: string;
}

/**
 * Hunts every erratum on the oracle from `seed`, shrinks what it finds and writes the fixtures to
 * `dir` (fixtures/errata). Errata not found within `maxRuns` are reported as such.
 */
export async function recordErrata(dir: string, o: { seed: number; maxRuns: number; errata?: readonly Erratum[] }): Promise<RecordReport[]> {
  const model = createModel();
  const out: RecordReport[] = [];
  for (const e of o.errata ?? ERRATA) {
    const s = hunt(e, { seed: o.seed, maxRuns: o.maxRuns, model });
    if (!s) {
      out.push({ erratum: e.erratum, name: e.name, found: false });
      continue;
    }
    const shrunk = await shrinkSighting(s, model);
    const path = writeFixtureAtomic(dir, erratumFixture(s, shrunk));
    out.push({ erratum: e.erratum, name: e.name, found: true, run: s.run, originalLength: s.interleaving.steps.length, minimalLength: shrunk.interleaving.steps.length, replays: shrunk.replays, path });
  }
  return out;
}
