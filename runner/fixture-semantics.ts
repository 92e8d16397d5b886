import type { Fixture, ProfileName, StepExpectation } from '../interleaving';
import { ConfigInvalid, decodeStatus, UNSPECIFIED, withDefaults } from '../interleaving';
import { validateConfig } from '../oracle/validate-config';
import { FixtureError } from './fixture-error';

const DEFAULT_PROFILES: readonly ProfileName[] = ['freebsd-r176365'];

/** The profiles a fixture applies to (`profiles`, else the r176365 default). */
export function fixtureProfiles(f: Fixture): readonly ProfileName[] {
  return f.profiles ?? DEFAULT_PROFILES;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function checkExpectation(f: Fixture, file: string, i: number, e: StepExpectation): void {
  const call = f.steps[i].call;
  const fail = (field: string, problem: string) => {
    throw new FixtureError(file, problem, i, field, call, true);
  };
  const raw = e.status?.raw;
  const decoded = e.status?.decoded;
  if (typeof raw === 'number' && decoded) {
    for (const profile of fixtureProfiles(f)) {
      const actual = decodeStatus(raw, profile);
      if (JSON.stringify(actual) !== JSON.stringify(decoded)) {
        fail('status.decoded', `does not match raw ${hex(raw)}, which decodes as ${JSON.stringify(actual)} in ${profile}`);
      }
    }
  }
  if (raw === UNSPECIFIED && decoded) fail('status.decoded', 'cannot be stated when status.raw is unspecified');
  e.wakes?.forEach((w, k) => {
    if (w.step === undefined) return;
    if (w.step > i) fail(`wakes[${k}].step`, `must be at most ${i}: a sleeper's call comes from this step or an earlier one`);
    const issued = f.steps[w.step];
    if (issued.pid !== w.pid) fail(`wakes[${k}].pid`, `must be ${issued.pid}, the caller of step ${w.step}`);
    if (w.call !== undefined && issued.call !== w.call) fail(`wakes[${k}].call`, `must be ${issued.call}, the call of step ${w.step}`);
  });
  e.snapshot?.procs?.forEach((p, k) => {
    if (p.sleeping && p.sleeping.step > i) fail(`snapshot.procs[${k}].sleeping.step`, `must be at most ${i}`);
  });
}

/** The config a replay in `profile` resets with must be one the oracle runs (validateConfig): a named field, not a crash at reset. */
function checkConfig(f: Fixture, file: string, profile: ProfileName): void {
  try {
    validateConfig(withDefaults({ ...f.config, profile }));
  } catch (e) {
    if (!(e instanceof ConfigInvalid)) throw e;
    throw new FixtureError(file, e.message, undefined, 'config');
  }
}

/**
 * Checks what the schema cannot: indices that must point inside the fixture, the profile choice, a
 * config the oracle runs in each profile, errata provenance, and expectations that contradict themselves.
 */
export function checkFixtureSemantics(f: Fixture, file: string): void {
  const n = f.steps.length;
  if (f.expect && f.expect.length > n) {
    throw new FixtureError(file, `has ${f.expect.length} entries, more than the ${n} steps`, undefined, 'expect');
  }
  if (f.found && f.found.step >= n) {
    throw new FixtureError(file, `must be below ${n}, the number of steps`, undefined, 'found.step');
  }
  if (f.found?.minimalLength !== undefined && f.found.minimalLength > n) {
    throw new FixtureError(file, `must be at most ${n}, the number of steps`, undefined, 'found.minimalLength');
  }
  const profiles = fixtureProfiles(f);
  if (f.config.profile !== undefined && !profiles.includes(f.config.profile)) {
    throw new FixtureError(file, `must be one of the fixture's profiles (${profiles.join(', ')})`, undefined, 'config.profile');
  }
  for (const profile of profiles) checkConfig(f, file, profile);
  if (f.profiles && new Set(f.profiles).size !== f.profiles.length) {
    throw new FixtureError(file, 'lists a profile twice', undefined, 'profiles');
  }
  if (f.kind === 'erratum' && !f.source?.erratum) {
    throw new FixtureError(file, 'is required for kind "erratum"', undefined, 'source.erratum');
  }
  f.expect?.forEach((e, i) => e && checkExpectation(f, file, i, e));
}
