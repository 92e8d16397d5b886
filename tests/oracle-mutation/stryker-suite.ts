import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { soakTest } from './invariant-soak';

/**
 * StrykerJS's test set as one jest test file (jest.stryker.config.js): jest builds a fresh module
 * registry per test file and Stryker runs jest once per mutant, so loading the oracle once for all
 * tests, instead of once per file, saves most of a mutant's cost. The set: every oracle unit test,
 * every test here, and the stored-fixture replays (golden and errata; the linux divergences). The
 * invariant soak runs 15 interleavings, not 120 as in `npm test`: Stryker runs it for two mutants in
 * three, and on a shared machine the full budget would double the run.
 */
const SOAK_RUNS = 15;
const FULL_SOAK = 'invariants-fixed-seed.test.ts';
const testsIn = (dir: string) => readdirSync(join(__dirname, '..', dir)).filter((f) => f.endsWith('.test.ts') && f !== FULL_SOAK).sort().map((f) => `../${dir}/${f}`);
for (const file of [...testsIn('oracle'), ...testsIn('oracle-mutation'), '../fixtures/replay.test.ts', '../linux/divergences.test.ts']) {
  require(file); // eslint-disable-line @typescript-eslint/no-require-imports
}
soakTest(SOAK_RUNS);
