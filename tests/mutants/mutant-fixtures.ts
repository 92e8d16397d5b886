import { join } from 'node:path';
import type { Fixture } from '../../interleaving';
import type { Mutant } from '../../mutants';
import { readFixture } from '../../runner/fixture-reader';

export const MUTANT_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'mutants');

/** The hand-written fixture of a mutant: the shortest interleaving known to show its bug. */
export function fixtureOf(m: Mutant): Fixture & { found: NonNullable<Fixture['found']> } {
  const f = readFixture(join(MUTANT_FIXTURES, `${m.name}.json`));
  if (!f.found?.minimalLength) throw new Error(`${m.name}.json: found.minimalLength is missing`);
  return f as Fixture & { found: NonNullable<Fixture['found']> };
}
