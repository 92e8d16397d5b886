import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createOracle, FREEBSD_R176365, type Profile } from '../../oracle';
import { LINUX } from '../../oracle/profiles/linux';
import { formatFixtureJson, readFixture } from '../../runner/fixture-reader';
import { replayFixture } from '../../runner/fixture-replay';
import { divergenceFixture } from '../../properties/divergences/fixture';
import { divergencesMarkdown } from '../../properties/divergences/markdown';
import { DIVERGENCE_ROWS } from '../../properties/divergences/rows';
import type { ShownDivergence } from '../../properties/divergences/show';
import { DIVERGENCES_COMMAND, showAll } from '../../properties/divergences/write-divergences';

const ROOT = path.resolve(__dirname, '..', '..');
const fixturePath = (name: string) => path.join(ROOT, 'fixtures', 'linux', `${name}.json`);

/**
 * Switches that differ but have no row of their own: what they change is not observable through
 * the calls Linux has (owait, abort2's command name), or it is another switch's consequence there
 * (givebackWhen: Linux has no give-back at all, attachReparents; nocldwaitWakesParent: only the
 * FreeBSD hand-to-init path reads it, ignoredChildExit), or it is a value table (names, numbers and
 * option bits, shown by the W1/R17 and status rows). killAllOrder has no fixture because the real
 * kernel's victims die concurrently: no interleaving pins the order they reach init in.
 */
const NO_ROW_OF_THEIR_OWN = new Set<keyof Profile>(['name', 'numbering', 'waitOptionBits', 'hasOwait', 'maxComLen', 'givebackWhen', 'nocldwaitWakesParent', 'waitAllBit', 'killAllOrder']);

/**
 * Rows whose difference a fixture cannot state (it states values, not a field left out or a call
 * that does not return): their caller's observation on each profile, checked directly.
 */
const UNSTATABLE: Record<string, { freebsd: object; linux: object }> = {
  'w04-wnohang-leaves-status': {
    freebsd: { kind: 'return', ret: 0, status: 'unspecified', rusage: 'unspecified' },
    linux: { step: 1, pid: 1, call: 'wait4', kind: 'return', ret: 0 },
  },
  'host-own-sigkill-no-return': {
    freebsd: { kind: 'return', ret: 0 },
    linux: { step: 1, pid: 2, call: 'kill', kind: 'noreturn' },
  },
};
const ABSENCE_ROWS = new Set(Object.keys(UNSTATABLE));

let shown: ShownDivergence[];
beforeAll(async () => {
  shown = await showAll();
});

describe('the linux profile\'s divergences, shown on both profiles of the oracle', () => {
  test('every row parts the two profiles at some step, with different outcomes there', () => {
    expect(shown).toHaveLength(DIVERGENCE_ROWS.length);
    for (const d of shown) {
      expect({ row: d.row.name, differs: d.at >= 0 && d.freebsdText !== d.linuxText }).toEqual({ row: d.row.name, differs: true });
    }
  });

  test('every switch on which Linux differs from FreeBSD has a row', () => {
    const differing = (Object.keys(LINUX) as (keyof Profile)[]).filter((k) => JSON.stringify(LINUX[k]) !== JSON.stringify(FREEBSD_R176365[k]));
    const covered = new Set(DIVERGENCE_ROWS.map((r) => r.switch));
    expect(differing.filter((k) => !covered.has(k) && !NO_ROW_OF_THEIR_OWN.has(k))).toEqual([]);
  });

  test('the stored fixtures and docs/divergences.md are what the generator writes now', () => {
    for (const d of shown) expect(readFileSync(fixturePath(d.row.name), 'utf8')).toBe(formatFixtureJson(divergenceFixture(d)));
    expect(readFileSync(path.join(ROOT, 'docs', 'divergences.md'), 'utf8')).toBe(divergencesMarkdown(shown, DIVERGENCES_COMMAND));
  });

  test.each(Object.entries(UNSTATABLE))('%s: the caller\'s observation on each profile', (name, want) => {
    const d = shown.find((x) => x.row.name === name)!;
    const own = (o: (typeof d.linux)[number]) => ('result' in o ? o.result.observations[0] : null);
    expect(own(d.freebsd[d.at])).toMatchObject(want.freebsd);
    expect(own(d.linux[d.at])).toEqual(want.linux);
  });

  test('each fixture passes on the linux profile and fails on FreeBSD at or before its divergent step', async () => {
    for (const d of shown.filter((x) => !ABSENCE_ROWS.has(x.row.name))) {
      const fixture = readFixture(fixturePath(d.row.name));
      const onLinux = (await replayFixture(createOracle(), fixture)).mismatches;
      // A call Linux lacks, or a caller Linux has stopped, is refused: that refusal is the divergence.
      const refused = 'rejected' in d.linux[d.at] ? [expect.stringMatching(new RegExp(`^step ${d.at} .*: rejected: `))] : [];
      expect({ name: fixture.name, mismatches: onLinux }).toEqual({ name: fixture.name, mismatches: refused });
      const onFreebsd = await replayFixture(createOracle(), { ...fixture, config: { ...fixture.config, profile: 'freebsd-r176365' } });
      const firstBad = onFreebsd.mismatches.map((m) => Number(/^step (\d+)/.exec(m)?.[1] ?? -1));
      const parts = refused.length > 0 ? onFreebsd.stepsRun > d.at : onFreebsd.mismatches.length > 0 && Math.min(...firstBad) <= d.at;
      expect({ name: fixture.name, parts }).toEqual({ name: fixture.name, parts: true });
    }
  });
});
