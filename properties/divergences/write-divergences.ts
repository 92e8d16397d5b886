import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeFixtureAtomic } from '../../runner/fixture-reader';
import { divergenceFixture } from './fixture';
import { divergencesMarkdown } from './markdown';
import { DIVERGENCE_ROWS } from './rows';
import { showDivergence, type ShownDivergence } from './show';

/** How the lead runs this (after `npm run build`). */
export const DIVERGENCES_COMMAND = 'node dist/properties/divergences/write-divergences.js';

/** Every row shown on both profiles; a row that shows no divergence is an error naming it. */
export async function showAll(): Promise<ShownDivergence[]> {
  const shown: ShownDivergence[] = [];
  for (const row of DIVERGENCE_ROWS) {
    const d = await showDivergence(row);
    if (d.at < 0) throw new Error(`divergence row ${row.name} (${row.row}, ${row.switch}): both profiles give the same outcomes, so it shows nothing`);
    shown.push(d);
  }
  return shown;
}

/** Write fixtures/linux/*.json and docs/divergences.md under `root`; returns the paths written. */
export async function writeDivergences(root: string): Promise<string[]> {
  const shown = await showAll();
  const written = shown.map((d) => writeFixtureAtomic(path.join(root, 'fixtures', 'linux'), divergenceFixture(d)));
  const doc = path.join(root, 'docs', 'divergences.md');
  writeFileSync(doc, divergencesMarkdown(shown, DIVERGENCES_COMMAND));
  return [...written, doc];
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'dist' ? ['..'] : []));
  writeDivergences(root).then(
    (paths) => process.stdout.write(`wrote ${paths.length} files (${paths.length - 1} fixtures and docs/divergences.md)\n`),
    (e: Error) => {
      process.stderr.write(`divergences: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
