import * as path from 'node:path';
import { FREEBSD_R176365, type Profile } from '../../oracle';
import { readFixture } from '../../runner/fixture-reader';
import { replayFixture } from '../../runner/fixture-replay';
import { wrongLinuxOracle } from './wrong-profile';

/** The mismatches of fixtures/linux/<name>.json on the linux profile with `key` set to FreeBSD's value. */
async function mismatchesWithFreebsdValue(name: string, key: keyof Profile): Promise<string[]> {
  const fixture = readFixture(path.resolve(__dirname, '..', '..', 'fixtures', 'linux', `${name}.json`));
  return (await replayFixture(wrongLinuxOracle({ [key]: FREEBSD_R176365[key] }), fixture)).mismatches;
}

/** A test that the divergence fixture `name` needs its switch: with FreeBSD's value it gives exactly `mismatches`. */
export function testNeedsItsSwitch(name: string, key: keyof Profile, mismatches: string[]): void {
  test(`${name} fails when ${key} takes FreeBSD's value`, async () => {
    expect(await mismatchesWithFreebsdValue(name, key)).toEqual(mismatches);
  });
}
