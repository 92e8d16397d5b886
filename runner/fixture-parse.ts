import type { Fixture } from '../interleaving';
import { FixtureError } from './fixture-error';
import { validateFixtureSchema } from './fixture-schema';
import { checkFixtureSemantics } from './fixture-semantics';

/** "line 3, column 7" for a character offset, to point into a file that is not valid JSON. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof RangeError) throw new FixtureError(file, 'not valid JSON: nested too deeply');
    const at = /at position (\d+)/.exec(message);
    const where = at ? ` (${lineAndColumn(text, Number(at[1]))})` : '';
    throw new FixtureError(file, `not valid JSON: ${message.split('\n')[0].slice(0, 200)}${where}`);
  }
}

/**
 * Parses and validates a fixture's text: JSON, then fixtures/schema.json, then the semantic checks.
 * Any problem is a FixtureError whose message names `fileName`, the step and the field; no input
 * makes it throw anything else.
 */
export function parseFixture(text: string, fileName: string): Fixture {
  if (typeof text !== 'string') throw new FixtureError(fileName, 'is not text');
  const doc = parseJson(text, fileName);
  try {
    validateFixtureSchema(doc, fileName);
    checkFixtureSemantics(doc as Fixture, fileName);
  } catch (err) {
    if (err instanceof FixtureError) throw err;
    // A checker bug must still not surface as a crash on someone's file.
    throw new FixtureError(fileName, `could not be checked (${err instanceof Error ? err.message : String(err)})`);
  }
  return doc as Fixture;
}
