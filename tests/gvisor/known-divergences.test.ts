import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Implementation } from '../../interleaving';
import { createOracle } from '../../oracle';
import { execute } from '../../runner/execute';
import { formatFixtureJson } from '../../runner/fixture-reader';
import { createGvisorImplementation } from '../../adapters/gvisor/target';
import { createHostImplementation, hostAvailability } from '../../adapters/host/target';
import { gvisorDivergenceFixture } from '../../adapters/gvisor/divergence-fixture';
import { GVISOR_DIVERGENCES, type GvisorDivergence } from '../../adapters/gvisor/known-divergences';
import { describeGvisor } from './gvisor-suite';

const ROOT = path.resolve(__dirname, '..', '..');

/** The first failure of the divergence's interleaving on `impl`, compared step by step with the linux profile. */
async function firstFailure(impl: Implementation, d: GvisorDivergence) {
  const outcome = await execute(impl, { config: { ...d.config, profile: 'linux' }, steps: d.steps }, { reference: createOracle(), compare: { expectedProfile: 'linux', actualProfile: 'linux' } });
  return outcome.failure;
}

describe('known gVisor divergences: stored fixtures', () => {
  test.each(GVISOR_DIVERGENCES.map((d) => [d.name, d] as const))('%s is stored as the writer makes it', (name, d) => {
    expect(readFileSync(path.join(ROOT, 'fixtures', 'gvisor', `${name}.json`), 'utf8')).toBe(formatFixtureJson(gvisorDivergenceFixture(d)));
  });

  test('the divergence step is inside each interleaving, and the oracle\'s linux profile takes every step', async () => {
    for (const d of GVISOR_DIVERGENCES) {
      expect({ name: d.name, inside: d.at >= 0 && d.at < d.steps.length }).toEqual({ name: d.name, inside: true });
      const ran = await execute(createOracle(), { config: { ...d.config, profile: 'linux' }, steps: d.steps });
      expect({ name: d.name, executed: ran.executed, rejectedAt: ran.rejectedAt }).toEqual({ name: d.name, executed: d.steps.length, rejectedAt: null });
    }
  });
});

(hostAvailability().ok ? describe : describe.skip)('known gVisor divergences: the host kernel sides with the linux profile', () => {
  jest.setTimeout(30000);
  test('every interleaving runs on the host with no difference from the profile', async () => {
    const host = await createHostImplementation();
    try {
      for (const d of GVISOR_DIVERGENCES) expect({ name: d.name, failure: await firstFailure(host, d) }).toEqual({ name: d.name, failure: null });
    } finally {
      await host.close?.();
    }
  });
});

describeGvisor('known gVisor divergences: gVisor still differs', () => {
  jest.setTimeout(60000);
  test('every interleaving parts from Linux at its step, on its field (else gVisor was fixed: remove the entry)', async () => {
    const gvisor = await createGvisorImplementation();
    try {
      for (const d of GVISOR_DIVERGENCES) {
        const f = await firstFailure(gvisor, d);
        const seen = f === null ? 'agrees with Linux' : `${f.property} at step ${f.step}: ${f.message}`;
        const expected = d.field === 'rejected' ? 'rejected' : 'differential';
        expect({ name: d.name, step: f?.step, property: f?.property, mentionsField: f?.message.includes(d.field === 'rejected' ? 'unsupported' : `${d.field} expected`) ?? false, seen })
          .toEqual({ name: d.name, step: d.at, property: expected, mentionsField: true, seen });
      }
    } finally {
      await gvisor.close?.();
    }
  });
});
