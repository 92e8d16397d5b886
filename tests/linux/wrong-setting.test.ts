import { createOracle } from '../../oracle';
import { execute } from '../../runner/execute';
import { describeOnHost, withHostKernel } from './host-suite';
import { catchAndShrink, wrongLinuxOracle, type Caught } from './wrong-profile';

/** The deliberate mistake: children inserted at the head, as FreeBSD does (linux.md R12 says tail). */
const WRONG = { forkInsertsAt: 'head' } as const;

function expectCaughtAndShrunk(c: Caught | null): void {
  expect(c).not.toBeNull();
  const { failure, shrunk, found } = c!;
  expect(failure.property).toBe('differential');
  expect(shrunk.failure.property).toBe('differential');
  expect(shrunk.minimal).toBe(true);
  expect(shrunk.interleaving.steps.length).toBeLessThan(found.steps.length);
  // The mistake needs two children and a wait that finds one of them: a handful of steps.
  expect(shrunk.interleaving.steps.length).toBeLessThanOrEqual(8);
}

describe('a deliberately wrong linux profile setting is caught and shrunk', () => {
  test('against the correct linux profile (no host needed)', async () => {
    const caught = await catchAndShrink(createOracle({ name: 'oracle-linux' }), wrongLinuxOracle(WRONG), createOracle({ name: 'oracle-linux' }), 11, 200);
    expectCaughtAndShrunk(caught);
    const right = await execute(createOracle(), caught!.shrunk.interleaving, { reference: createOracle({ name: 'oracle-linux' }) });
    expect(right.failure).toBeNull();
  });
});

describeOnHost('a deliberately wrong linux profile setting, against the host kernel', () => {
  jest.setTimeout(120_000);

  test('the host exposes it, the shrinker brings it down to a few steps, the right profile agrees with the host', async () => {
    await withHostKernel(async (host) => {
      const caught = await catchAndShrink(host, wrongLinuxOracle(WRONG), createOracle({ name: 'oracle-linux' }), 11, 200);
      expectCaughtAndShrunk(caught);
      const right = await execute(host, caught!.shrunk.interleaving, { reference: createOracle({ name: 'oracle-linux' }) });
      expect(right.failure).toBeNull();
      console.log(`wrong forkInsertsAt caught at run ${caught!.run} (${caught!.found.steps.length} steps), shrunk to ${caught!.shrunk.interleaving.steps.length} in ${caught!.shrunk.replays} replays: ${caught!.shrunk.failure.message}`);
    });
  });
});
