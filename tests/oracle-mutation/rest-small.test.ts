import { createOracle } from '../../oracle';
import { withDefaults } from '../../interleaving';
import { RecordingMachineDependent } from '../../oracle/md/machine-dependent';

/** Small contracts of the profile table and the machine-dependent recorder. */
describe('profiles and the md recorder', () => {
  test('an unknown profile is refused, listing the available ones', () => {
    expect(() => createOracle().reset(withDefaults({ profile: 'plan9' as never }))).toThrow(
      "config.profile: the oracle has no profile 'plan9' (available: freebsd-r176365, linux)",
    );
  });

  test('take() with no calls gives the shared frozen empty list (no allocation per step)', () => {
    const md = new RecordingMachineDependent();
    const first = md.take();
    expect(first).toEqual([]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(md.take()).toBe(first);
    md.thread_wait(7);
    expect(md.take()).toEqual([{ hook: 'thread_wait', pid: 7 }]);
  });
});
