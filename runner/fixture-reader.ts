import { readFileSync } from 'fs';
import type { Fixture } from '../interleaving';
import { FixtureError } from './fixture-error';
import { parseFixture } from './fixture-parse';

export { FixtureError } from './fixture-error';
export { parseFixture } from './fixture-parse';
export { writeFixtureAtomic, fixtureFileName } from './fixture-writer';
export { formatFixtureJson } from './fixture-json';
export { fixtureProfiles } from './fixture-semantics';

/** Reads and validates the fixture at `path` (see parseFixture). */
export function readFixture(path: string): Fixture {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    throw new FixtureError(path, `cannot be read${code ? ` (${code})` : ''}`);
  }
  return parseFixture(text, path);
}
