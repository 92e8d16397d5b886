import { resolve } from 'node:path';
import type { ProfileName } from '../../interleaving';
import { createOracle } from '../../oracle';
import { openTarget } from '../../adapters/targets';
import { failureFixture } from '../../runner/differential-fixture';
import { replayFailure, shrinkOnTarget, type Judge } from '../../runner/differential-shrink';
import type { CheckMode } from '../../runner/check';
import { execute } from '../../runner/execute';
import { readFixture, writeFixtureAtomic } from '../../runner/fixture-reader';
import { replayCommandLine } from '../../runner/report-text';
import { formatShrunk } from '../../runner/shrink-print';
import { checksFor } from '../../properties/checks';
import { createdPidsFor, orderableFor } from '../interleavings';
import { EXIT_BROKEN, EXIT_FAILURE, EXIT_OK } from '../exit-codes';
import { displayPath } from '../display-path';
import type { Io } from '../io';
import { interleavingIn } from './replay';

export interface ShrinkOptions {
  impl: string;
  profile: ProfileName;
  timeout: number;
  errata: boolean;
  /** How invariants judge each step (default incremental). */
  checkMode?: CheckMode;
  out: string;
}

/**
 * `reapcheck shrink FIXTURE`: replay a fixture on the target; if it fails, shrink it there (the
 * target kept alive) and save the shrunk fixture before printing it.
 */
export async function shrinkCommand(file: string, o: ShrinkOptions, io: Io): Promise<number> {
  const fixture = readFixture(file);
  const target = await openTarget(o.impl, { profile: o.profile, timeoutMs: o.timeout, cwd: io.cwd });
  try {
    const judge: Judge = { target, reference: createOracle(), invariants: checksFor({ errata: o.errata, profile: o.profile }), checkMode: o.checkMode, compare: { expectedProfile: o.profile, actualProfile: o.profile }, createdPids: createdPidsFor(o.profile), orderable: orderableFor(o.profile) };
    const il = interleavingIn(fixture, o.profile);
    const failure = await replayFailure({ ...judge, orderable: undefined }, il);
    const pinned = judge.orderable?.(il) ?? il.steps.length;
    if (failure && failure.step >= pinned) {
      io.out(`${file} fails at step ${failure.step}, after step ${pinned} starts a race ${o.impl} cannot order (cutAtRaces), so it is not shrunk:\n  ${failure.message}\n`);
      return EXIT_FAILURE;
    }
    if (!failure) {
      io.out(`${file} passes on ${o.impl} (${o.profile}): nothing to shrink\n`);
      return EXIT_OK;
    }
    if (failure.property === 'implementation') {
      io.out(`${file}: the implementation broke at step ${failure.step}, so it is not shrunk:\n  ${failure.message}\n`);
      return EXIT_BROKEN;
    }
    const shrunk = await shrinkOnTarget(judge, il, failure);
    const made = failureFixture(shrunk.interleaving, shrunk.failure, { target: o.impl, profile: o.profile }, judge.invariants);
    const saved = displayPath(io.cwd, writeFixtureAtomic(resolve(io.cwd, o.out), { ...made, name: `${fixture.name}-shrunk` }));
    const { results } = await execute(target, shrunk.interleaving);
    io.out(`${formatShrunk(shrunk.interleaving, results, shrunk.failure, { command: replayCommandLine(saved, o.impl, o) })}\n`);
    io.out(`fixture: ${saved} (${il.steps.length} steps shrunk to ${shrunk.interleaving.steps.length} in ${shrunk.replays} replays)\n`);
    return EXIT_FAILURE;
  } finally {
    await target.close?.();
  }
}
