import * as path from 'node:path';
import { writeFixtureAtomic } from '../../runner/fixture-reader';
import { gvisorDivergenceFixture } from './divergence-fixture';
import { GVISOR_DIVERGENCES } from './known-divergences';

/** How to rewrite fixtures/gvisor/ after editing the list (after `npm run build`). */
export const GVISOR_FIXTURES_COMMAND = 'node dist/adapters/gvisor/write-fixtures.js';

/** Write fixtures/gvisor/<name>.json for every known divergence under `root`; returns the paths. */
export function writeGvisorFixtures(root: string): string[] {
  return GVISOR_DIVERGENCES.map((d) => writeFixtureAtomic(path.join(root, 'fixtures', 'gvisor'), gvisorDivergenceFixture(d)));
}

if (require.main === module) {
  const up = path.resolve(__dirname, '..', '..');
  const root = path.basename(up) === 'dist' ? path.dirname(up) : up;
  process.stdout.write(`wrote ${writeGvisorFixtures(root).length} fixtures in fixtures/gvisor/\n`);
}
