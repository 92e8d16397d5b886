import { fork, getpgid, kill, ptrace, setpgid, thrNew, wait4 } from '../../properties/divergences/steps';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * A Linux thread id names its process to lookups (tidsNameTheirProcess), found by the host
 * campaign of seed 2: init's kill(tid, SIGKILL) of its own thread returned 0 (and did nothing, J4)
 * where the model said ESRCH. Pid 3 is pid 2's second thread in every case.
 */
const CASES: LiteralCase[] = [
  {
    name: 'seed 2 run 260 (its core): init kills its own thread id',
    steps: [fork(1), thrNew(1), kill(1, 3, 'SIGKILL'), fork(1)],
    want: ['pid 1 fork → 2', 'pid 1 thr_new → 0', 'pid 1 kill → 0', 'pid 1 fork → 4'],
  },
  {
    name: 'getpgid and getsid of a thread id answer for its process; setpgid refuses it; signal 0 finds it',
    steps: [fork(1), setpgid(2, 0, 0), thrNew(2), getpgid(1, 3), { pid: 1, call: 'getsid', target: 3 }, setpgid(1, 3, 0), setpgid(2, 3, 0), kill(1, 3, 200), kill(1, 3, 0)],
    want: ['pid 1 fork → 2', 'pid 2 setpgid → 0', 'pid 2 thr_new → 0', 'pid 1 getpgid → 2', 'pid 1 getsid → 1', 'pid 1 setpgid → EINVAL', 'pid 2 setpgid → EINVAL', 'pid 1 kill → EINVAL', 'pid 1 kill → 0'],
  },
  {
    name: 'PT_ATTACH to one\'s own thread is EPERM; the thread of a tracee is not traced (ESRCH)',
    steps: [fork(1), thrNew(2), ptrace(2, 'PT_ATTACH', 3), ptrace(1, 'PT_CONTINUE', 3), ptrace(1, 'PT_ATTACH', 2), wait4(1, 2), ptrace(1, 'PT_CONTINUE', 3), ptrace(1, 'PT_CONTINUE', 2)],
    want: ['pid 1 fork → 2', 'pid 2 thr_new → 0', 'pid 2 ptrace → EPERM', 'pid 1 ptrace → ESRCH', 'pid 1 ptrace → 0', 'pid 1 wait4 → 2, stopped(SIGSTOP) 0x137f, utime 0', 'pid 1 ptrace → ESRCH', 'pid 1 ptrace → 0'],
  },
];

pinLiterally('thread ids', CASES);

testNeedsItsSwitch('host-kill-by-thread-id', 'tidsNameTheirProcess', [
  'step 2 (kill by 1): ret: expected 0, got nothing',
  'step 2 (kill by 1): errno: expected "no error", got "ESRCH"',
  'step 3 (wait4 by 1): ret: expected 2, got nothing',
  'step 3 (wait4 by 1): status.raw (status): expected 0xf, got nothing',
  'step 3 (wait4 by 1): rusage: expected {"utime":0}, got nothing',
  'step 3 (wait4 by 1): sleeps: expected the call not to block, got kind sleep',
]);
