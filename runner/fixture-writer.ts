import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Fixture } from '../interleaving';
import { formatFixtureJson } from './fixture-json';
import { parseFixture } from './fixture-parse';

/** Longest file-name stem derived from a fixture name. */
const MAX_STEM = 120;

/** The file name a fixture is stored under: its name, lower-cased, with anything but [a-z0-9._-] as '-'. */
export function fixtureFileName(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
  return `${stem || 'fixture'}.json`;
}

/**
 * Writes `fixture` to `dir` under its canonical file name, atomically (a temporary file renamed into
 * place), in canonical JSON. The text is validated first, so a file this writes can always be read
 * back. Returns the path written.
 */
export function writeFixtureAtomic(dir: string, fixture: Fixture): string {
  const path = join(dir, fixtureFileName(fixture.name));
  const text = formatFixtureJson(fixture);
  parseFixture(text, path);
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file may not exist; the original error is what matters.
    }
    throw err;
  }
  return path;
}
