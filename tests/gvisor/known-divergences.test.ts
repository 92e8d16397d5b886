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
import { classifyGvisorFailure, GVISOR_KNOWN } from '../../adapters/gvisor/known-list';
import { describeGvisor } from './gvisor-suite';

const ROOT = path.resolve(__dirname, '..', '..');

/** Replays of an intermittent divergence before the test gives up on seeing it (G12 shows on about 1 in 3, G18 on 1 in 2). */
const INTERMITTENT_TRIES = 40;

/** The first failure of the divergence's interleaving on `impl`, compared step by step with the linux profile, and the target's results. */
async function firstFailure(impl: Implementation, d: GvisorDivergence) {
  const il = { config: { ...d.config, profile: 'linux' as const }, steps: d.steps };
  const outcome = await execute(impl, il, { reference: createOracle(), compare: { expectedProfile: 'linux', actualProfile: 'linux' } });
  return { il, failure: outcome.failure, results: outcome.results };
}

/** The first failure on gVisor; an intermittent divergence is replayed until it shows (or the tries run out). */
async function gvisorFailure(impl: Implementation, d: GvisorDivergence) {
  let r = await firstFailure(impl, d);
  for (let i = 1; i < (d.intermittent ? INTERMITTENT_TRIES : 1) && r.failure === null; i++) r = await firstFailure(impl, d);
  return r;
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
      for (const d of GVISOR_DIVERGENCES) expect({ name: d.name, failure: (await firstFailure(host, d)).failure }).toEqual({ name: d.name, failure: null });
    } finally {
      await host.close?.();
    }
  });
});

describeGvisor('known gVisor divergences: gVisor still differs', () => {
  jest.setTimeout(60000);
  test('every interleaving parts from Linux at its step, on its field, and the campaign\'s judge names that entry (else gVisor was fixed: remove it)', async () => {
    const gvisor = await createGvisorImplementation();
    try {
      for (const [i, d] of GVISOR_DIVERGENCES.entries()) {
        const { il, failure: f, results } = await gvisorFailure(gvisor, d);
        const seen = f === null ? 'agrees with Linux' : `${f.property} at step ${f.step}: ${f.message}`;
        const expected = d.field === 'rejected' ? 'rejected' : 'differential';
        const judged = f === null ? null : classifyGvisorFailure(il, f, results)?.id;
        expect({ name: d.name, step: f?.step, property: f?.property, mentionsField: f?.message.includes(d.field === 'rejected' ? 'unsupported' : `${d.field} expected`) ?? false, judged, seen })
          .toEqual({ name: d.name, step: d.at, property: expected, mentionsField: true, judged: GVISOR_KNOWN[i].id, seen });
      }
    } finally {
      await gvisor.close?.();
    }
  });
});
