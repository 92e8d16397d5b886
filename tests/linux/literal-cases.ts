import type { Config, Implementation, Step } from '../../interleaving';
import { createOracle } from '../../oracle';
import { describeOutcome, runSteps } from '../../properties/divergences/outcome';
import { usageAgrees } from '../../runner/compare';
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

const UTIME = /, utime (\d+)/g;

/**
 * A real kernel's CPU figures agree by the differential's rule (runner/compare.ts usageAgrees: at
 * least what was burned, plus a little of the harness's own work), not to the tick: each phrase is
 * compared with its utimes taken out, and the utimes by that rule.
 */
function agreesOnHost(want: string[], got: string[]): boolean {
  if (want.length !== got.length) return false;
  return want.every((w, i) => {
    const g = got[i];
    if (w.replace(UTIME, '') !== g.replace(UTIME, '')) return false;
    const wt = [...w.matchAll(UTIME)].map((m) => Number(m[1]));
    const gt = [...g.matchAll(UTIME)].map((m) => Number(m[1]));
    return wt.every((t, j) => usageAgrees(t, gt[j], { expectedProfile: 'linux', actualProfile: 'linux' }));
  });
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
      const differing = cases.filter((c) => !agreesOnHost(c.want, got[c.name]));
      // Shows the words of the first case that differs beyond CPU time.
      for (const c of differing) expect({ [c.name]: got[c.name] }).toEqual({ [c.name]: c.want });
      expect(differing).toEqual([]);
    });
  });
}
