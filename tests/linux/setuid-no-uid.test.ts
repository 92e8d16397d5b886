import { createOracle } from '../../oracle';
import { fork, setuid } from '../../properties/divergences/steps';
import { describeOutcome, runSteps } from '../../properties/divergences/outcome';
import { pinLiterally } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

const NO_UID = 2 ** 32 - 1;

/** setuid((uid_t)-1): Linux refuses the uid that names no user before it checks permission (kernel/sys.c). */
pinLiterally('setuid to (uid_t)-1', [
  { name: 'root is refused with EINVAL, and keeps its uid', steps: [setuid(1, NO_UID), fork(1), setuid(2, 0)], want: ['pid 1 setuid → EINVAL', 'pid 1 fork → 2', 'pid 2 setuid → 0'] },
  { name: 'a non-root caller gets EINVAL too, not EPERM', steps: [setuid(1, 1001), setuid(1, NO_UID), setuid(1, 0)], want: ['pid 1 setuid → 0', 'pid 1 setuid → EINVAL', 'pid 1 setuid → EPERM'] },
]);

test('FreeBSD r176365 has no such check: root takes the uid', async () => {
  const got = await runSteps(createOracle(), { profile: 'freebsd-r176365' }, [setuid(1, NO_UID), fork(1)]);
  expect(got.map((o) => describeOutcome(o, 'freebsd-r176365'))).toEqual(['pid 1 setuid → 0', 'pid 1 fork → 2']);
});

testNeedsItsSwitch('host-setuid-no-uid', 'setuidRefusesNoUid', [
  'step 0 (setuid by 1): errno: expected "EINVAL", got "no error"',
]);
