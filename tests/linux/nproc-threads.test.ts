import { exit, fork, setuid, thrNew, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * RLIMIT_NPROC counts Linux tasks, threads included (threadsCountAgainstNproc), found by the host
 * campaign of seed 3: a fork after thr_new under a limit of 3 gives EAGAIN.
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 3 run 197 (shrunk): fork after thr_new under a limit of 3',
    steps: [setuid(1, 1), fork(1), thrNew(1), fork(1)],
    want: ['pid 1 setuid → 0', 'pid 1 fork → 2', 'pid 1 thr_new → 0', 'pid 1 fork → EAGAIN'],
  },
  {
    name: 'thr_new itself is refused past the limit; a zombie counts until it is reaped',
    steps: [setuid(1, 1), fork(1), thrNew(1), thrNew(1), exit(2, 0), thrNew(1), wait4(1, 2), thrNew(1), fork(1)],
    want: [
      'pid 1 setuid → 0', 'pid 1 fork → 2', 'pid 1 thr_new → 0', 'pid 1 thr_new → EAGAIN', 'pid 2 exit does not return', 'pid 1 thr_new → EAGAIN',
      'pid 1 wait4 → 2, exited(0) 0x0, utime 0', 'pid 1 thr_new → 0', 'pid 1 fork → EAGAIN',
    ],
  },
];

pinLiterally('threads under RLIMIT_NPROC', CASES.map((c) => ({ ...c, config: { nprocLimit: 3 } })));

testNeedsItsSwitch('host-threads-count-against-nproc', 'threadsCountAgainstNproc', [
  'step 3 (fork by 1): errno: expected "EAGAIN", got "no error"',
]);
