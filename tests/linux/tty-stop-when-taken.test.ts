import { block, exit, fork, kill, setpgid, vfork, wait4 } from '../../properties/divergences/steps';
import type { Step } from '../../interleaving';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * Linux judges a terminal stop against an orphaned group when the signal is taken (get_signal's
 * is_current_pgrp_orphaned), not when it is sent; found by the host campaign of seed 5 (run 641).
 * Init's group is orphaned here (its own parent is outside the namespace's session, J1); a child
 * moved into a group of its own by init's setpgid is not (its parent is in another group of the
 * same session).
 */
const unblock = (pid: number, sig: 'SIGTSTP'): Step => ({ pid, call: 'sigprocmask', how: 'SIG_UNBLOCK', sigs: [sig] });
const NOHANG_STOPS = wait4(1, 2, ['WNOHANG', 'WUNTRACED']);
/** SIGTSTP is 20 on Linux: a stop report is 20 << 8 | 0x7f. */
const STOPPED_BY_TSTP = 'pid 1 wait4 → 2, stopped(SIGTSTP) 0x147f, utime 0';

const CASES: LiteralCase[] = [
  {
    name: 'seed 5 run 641: a vfork parent sent SIGTSTP while orphaned stops once setpgid ended that and its vfork returns',
    steps: [fork(1), vfork(2), kill(1, 2, 'SIGTSTP'), setpgid(1, 2, 2), exit(3, 0), NOHANG_STOPS],
    want: ['pid 1 fork → 2', 'pid 2 vfork sleeps', 'pid 1 kill → 0', 'pid 1 setpgid → 0', 'pid 3 exit does not return; pid 2 vfork → 3', STOPPED_BY_TSTP],
  },
  {
    name: 'still orphaned when the vfork returns: the SIGTSTP is dropped then',
    steps: [fork(1), vfork(2), kill(1, 2, 'SIGTSTP'), exit(3, 0), NOHANG_STOPS],
    want: ['pid 1 fork → 2', 'pid 2 vfork sleeps', 'pid 1 kill → 0', 'pid 3 exit does not return; pid 2 vfork → 3', 'pid 1 wait4 → 0'],
  },
  {
    name: 'a process that takes it at once, orphaned, never stops',
    steps: [fork(1), kill(1, 2, 'SIGTSTP'), NOHANG_STOPS],
    want: ['pid 1 fork → 2', 'pid 1 kill → 0', 'pid 1 wait4 → 0'],
  },
  {
    name: 'blocked while orphaned, unblocked after setpgid: it stops (both kernels judge a held signal when taken)',
    steps: [fork(1), block(2, 'SIGTSTP'), kill(1, 2, 'SIGTSTP'), setpgid(1, 2, 2), unblock(2, 'SIGTSTP'), NOHANG_STOPS],
    want: ['pid 1 fork → 2', 'pid 2 sigprocmask → 0', 'pid 1 kill → 0', 'pid 1 setpgid → 0', 'pid 2 sigprocmask → 0', STOPPED_BY_TSTP],
  },
];

pinLiterally('a terminal stop judged when it is taken', CASES);

testNeedsItsSwitch('host-tty-stop-judged-when-taken', 'ttyStopJudgedWhenTaken', [
  'step 5 (wait4 by 1): ret: expected 2, got 0',
  'step 5 (wait4 by 1): status.raw (status): expected 0x147f, got nothing',
  'step 5 (wait4 by 1): rusage: expected {"utime":0}, got nothing',
]);
