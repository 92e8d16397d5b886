import type { Fixture, Observation, StepExpectation } from '../../interleaving';
import { FIXTURE_FORMAT, FIXTURE_VERSION } from '../../interleaving';
import type { StepOutcome } from './outcome';
import type { ShownDivergence } from './show';

function expectationOf(o: StepOutcome): StepExpectation {
  if ('rejected' in o) return {};
  const [own, ...woken] = o.result.observations;
  const e: StepExpectation = { sleeps: own.kind === 'sleep' };
  if (own.kind === 'return') {
    if (own.ret !== undefined) e.ret = own.ret;
    e.errno = own.errno ?? null;
    if (own.status !== undefined) e.status = { raw: own.status };
    if (own.rusage !== undefined) e.rusage = own.rusage;
    if (own.sigs !== undefined) e.sigs = own.sigs;
  }
  e.wakes = woken.map((w: Observation) => ({ ...w }));
  if (o.result.panic !== undefined) e.panic = o.result.panic;
  return e;
}

/**
 * The fixture of a shown divergence: the row's interleaving on the `linux` profile, every step's
 * outcome there as its expectation, and the FreeBSD outcome of the first differing step in the
 * description, so a reader sees both.
 */
export function divergenceFixture(d: ShownDivergence): Fixture {
  const { row } = d;
  const where = row.row === 'host' ? 'found on the host kernel' : `linux.md ${row.row}`;
  return {
    format: FIXTURE_FORMAT,
    version: FIXTURE_VERSION,
    name: row.name,
    kind: 'golden',
    description: `${where} (profile switch ${row.switch}): ${row.behaviour}. At step ${d.at}, FreeBSD r176365: ${d.freebsdText}. Linux: ${d.linuxText}.`,
    source: { semantics: where },
    profiles: ['linux'],
    config: { ...row.config, profile: 'linux' },
    steps: row.steps,
    expect: d.linux.map(expectationOf),
  };
}
