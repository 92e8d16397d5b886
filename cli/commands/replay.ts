import type { Fixture, Implementation, Interleaving, ProfileName } from '../../interleaving';
import { createOracle } from '../../oracle';
import { openTarget } from '../../adapters/targets';
import type { CheckMode } from '../../runner/check';
import { execute } from '../../runner/execute';
import { FixtureError, fixtureProfiles, readFixture } from '../../runner/fixture-reader';
import { replayFixture } from '../../runner/fixture-replay';
import { checksFor } from '../../properties/checks';
import { EXIT_BROKEN, EXIT_FAILURE, EXIT_OK } from '../exit-codes';
import type { Io } from '../io';

export interface ReplayOptions {
  impl: string;
  profile: ProfileName;
  timeout: number;
  errata: boolean;
  /** How invariants judge each step (default incremental). */
  checkMode?: CheckMode;
}

type Verdict = { kind: 'pass' | 'skip' | 'fail' | 'broken'; lines: string[] };

/** The fixture's interleaving in the replay's profile. */
export function interleavingIn(fixture: Fixture, profile: ProfileName): Interleaving {
  return { config: { ...fixture.config, profile }, steps: fixture.steps };
}

async function replayOne(target: Implementation, fixture: Fixture, o: ReplayOptions): Promise<Verdict> {
  if (!fixtureProfiles(fixture).includes(o.profile)) return { kind: 'skip', lines: [`does not apply to profile ${o.profile}`] };
  const il = interleavingIn(fixture, o.profile);
  const stated = await replayFixture(target, { ...fixture, config: il.config });
  const checked = await execute(target, il, { reference: createOracle(), invariants: checksFor({ errata: o.errata, profile: o.profile }), checkMode: o.checkMode, compare: { expectedProfile: o.profile, actualProfile: o.profile } });
  const lines = [...stated.mismatches.map((m) => `expectation: ${m}`)];
  const f = checked.failure;
  if (f) lines.push(`${f.property} fails at step ${f.step}: ${f.message}`);
  if (f?.property === 'implementation') return { kind: 'broken', lines };
  return { kind: lines.length ? 'fail' : 'pass', lines };
}

/**
 * `reapcheck replay FIXTURE...`: each fixture's steps on the target, checked against the
 * fixture's stated expectations, against the oracle step by step, and by the invariants.
 */
export async function replayCommand(files: string[], o: ReplayOptions, io: Io): Promise<number> {
  const target = await openTarget(o.impl, { profile: o.profile, timeoutMs: o.timeout, cwd: io.cwd });
  const tally: Record<Verdict['kind'] | 'bad', number> = { pass: 0, skip: 0, fail: 0, broken: 0, bad: 0 };
  try {
    for (const file of files) {
      let v: Verdict;
      try {
        v = await replayOne(target, readFixture(file), o);
      } catch (e) {
        if (!(e instanceof FixtureError)) throw e;
        tally.bad++;
        io.err(`reapcheck: ${e.message}\n`);
        continue;
      }
      tally[v.kind]++;
      io.out(`${v.kind.toUpperCase().padEnd(6)} ${file}\n${v.lines.map((l) => `  ${l}\n`).join('')}`);
      if (v.kind === 'broken') break;
    }
  } finally {
    await target.close?.();
  }
  io.out(`${o.impl} (${o.profile}): ${Object.entries(tally).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ') || 'no fixtures'}\n`);
  if (tally.broken || tally.bad) return EXIT_BROKEN;
  return tally.fail ? EXIT_FAILURE : EXIT_OK;
}
