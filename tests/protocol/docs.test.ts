import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createOracle } from '../../oracle';
import { serve } from '../../adapters/protocol/server';
import { BEGIN, END, EXAMPLE_BEGIN, EXAMPLE_END, EXAMPLE_REQUESTS, exampleSection, schemaSection } from './protocol-doc';

const DOC = join(__dirname, '../../docs/protocol.md');

// After a deliberate change to the schemas or to the oracle's answers, paste schemaSection() and
// exampleSection(await oracleResponses()) (tests/protocol/protocol-doc.ts) over the marked sections.

function between(text: string, begin: string, end: string): string {
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/protocol.md lacks the markers ${begin} … ${end}`);
  return text.slice(a, b + end.length);
}

/** The oracle server's response lines to the example's requests. */
async function oracleResponses(): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const done = serve(createOracle(), input, output);
  for (const r of EXAMPLE_REQUESTS) input.write(`${JSON.stringify(r)}\n`);
  input.end();
  await done;
  return text.split('\n').filter(Boolean);
}

describe('docs/protocol.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  test('prints exactly the schemas the decoder validates', () => {
    expect(between(doc, BEGIN, END)).toBe(schemaSection());
  });

  test('its worked example is what the oracle server answers', async () => {
    expect(between(doc, EXAMPLE_BEGIN, EXAMPLE_END)).toBe(exampleSection(await oracleResponses()));
  });
});
