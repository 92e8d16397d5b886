import { createOracle } from '../../oracle';
import { MUTANT_LIST, type Mutant } from '../../mutants';
import { checksFor } from '../../properties/checks';
import { execute } from '../../runner/execute';
import { replayFixture } from '../../runner/fixture-replay';
import { ensureBuilt } from '../cli/helpers';
import { fixtureOf } from './mutant-fixtures';

jest.setTimeout(20_000);

// The out-of-process mutants put themselves in front of dist/adapters/protocol/oracle-server.js.
beforeAll(ensureBuilt, 120_000);

async function withMutant<T>(m: Mutant, use: (impl: ReturnType<Mutant['create']>) => Promise<T>): Promise<T> {
  const impl = m.create();
  try {
    return await use(impl);
  } finally {
    await impl.close?.();
  }
}

describe.each(MUTANT_LIST.map((m) => [m.name, m] as const))('fixtures/mutants/%s.json', (_name, m) => {
  const fixture = fixtureOf(m);

  test('the oracle meets its expectations, with no divergence or invariant failure', async () => {
    expect((await replayFixture(createOracle(), fixture)).mismatches).toEqual([]);
    const clean = await execute(createOracle(), fixture, { invariants: checksFor(), reference: createOracle() });
    expect(clean.failure).toBeNull();
    expect(clean.executed).toBe(fixture.steps.length);
  });

  test('the mutant misses them, and fails the stated property at the stated step', async () => {
    await withMutant(m, async (impl) => {
      const replay = await replayFixture(impl, fixture);
      expect(replay.mismatches.length).toBeGreaterThan(0);
      expect(replay.mismatches.every((line) => line.startsWith(`step ${fixture.found.step} `))).toBe(true);
      const run = await execute(impl, fixture, { invariants: checksFor(), reference: createOracle() });
      expect(run.failure).toMatchObject({ property: fixture.found.property, step: fixture.found.step });
    });
  });
});
