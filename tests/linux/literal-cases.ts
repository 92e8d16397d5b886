import type { Config, Implementation, Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { describeOutcome, runSteps } from '../../properties/divergences/outcome';
import { describeOnHost, withHostKernel } from './host-suite';

/** An interleaving with what each of its steps gives on the linux profile, word for word. */
export interface LiteralCase {
  name: string;
  steps: Step[];
  /** Each step's outcome as describeOutcome words it on the linux profile. */
  want: string[];
  /** Config settings besides the linux profile. */
  config?: Partial<Config>;
}

async function outcomes(impl: Implementation, c: LiteralCase): Promise<string[]> {
  return (await runSteps(impl, { ...c.config, profile: 'linux' }, c.steps)).map((o) => describeOutcome(o, 'linux'));
}

/**
 * Pin `cases` literally on the oracle's linux profile (always) and on this machine's kernel (where
 * it can be driven): one test per case on the oracle, one for all of them on the host.
 */
export function pinLiterally(title: string, cases: readonly LiteralCase[]): void {
  describe(`${title}: the oracle's linux profile`, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      expect(await outcomes(createOracle(), c)).toEqual(c.want);
    });
  });

  describeOnHost(`${title}: this machine's kernel`, () => {
    jest.setTimeout(60_000);
    test('every case gives the same literal outcomes', async () => {
      const got = await withHostKernel(async (host) => {
        const out: Record<string, string[]> = {};
        for (const c of cases) out[c.name] = await outcomes(host, c);
        return out;
      });
      expect(got).toEqual(Object.fromEntries(cases.map((c) => [c.name, c.want])));
    });
  });
}
