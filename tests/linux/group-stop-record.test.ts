import { exit, fork, kill, ptrace, wait4 } from '../../properties/divergences/steps';
import type { Step } from '../../interleaving';
import { pinLiterally, type LiteralCase } from './literal-cases';
import { testNeedsItsSwitch } from './switch-fixture';

/**
 * Linux's group-stop record (linux.md T4; SIGNAL_STOP_STOPPED and group_exit_code), found by the
 * host campaign of seed 1: the real parent's WUNTRACED wait reads it, not the tracee's run state,
 * so a group stop it has not heard of stays reportable, once, while another process traces and
 * resumes the child, until a SIGCONT ends it (groupStopOutlivesTrace).
 */
const FORKS = ['pid 1 fork → 2', 'pid 1 fork → 3'];
/** Pid 2 stops its sibling 3 (kill(-1) spares the caller and the namespace init), attaches to it and resumes it. */
const STOPPED_THEN_RESUMED: Step[] = [fork(1), fork(1), kill(2, -1, 'SIGSTOP'), ptrace(2, 'PT_ATTACH', 3), ptrace(2, 'PT_CONTINUE', 3)];
const RESUMED = [...FORKS, 'pid 2 kill → 0', 'pid 2 ptrace → 0', 'pid 2 ptrace → 0'];
const STOP_REPORT = 'pid 1 wait4 → 3, stopped(SIGSTOP) 0x137f, utime 0';
const NOHANG_UNTRACED = ['WNOHANG', 'WUNTRACED'] as const;

const CASES: LiteralCase[] = [
  {
    name: 'seed 1 run 338: the parent\'s WUNTRACED wait reports the group stop of a child its tracer resumed',
    steps: [...STOPPED_THEN_RESUMED, wait4(1, -1, ['WUNTRACED'])],
    want: [...RESUMED, STOP_REPORT],
  },
  {
    name: 'it is reported once',
    steps: [...STOPPED_THEN_RESUMED, wait4(1, -1, [...NOHANG_UNTRACED]), wait4(1, -1, [...NOHANG_UNTRACED])],
    want: [...RESUMED, STOP_REPORT, 'pid 1 wait4 → 0'],
  },
  {
    name: 'a stop the parent heard of before the attach is not reported again',
    steps: [fork(1), fork(1), kill(2, -1, 'SIGSTOP'), wait4(1, 3, ['WUNTRACED']), ptrace(2, 'PT_ATTACH', 3), ptrace(2, 'PT_CONTINUE', 3), wait4(1, -1, [...NOHANG_UNTRACED])],
    want: [...FORKS, 'pid 2 kill → 0', STOP_REPORT, 'pid 2 ptrace → 0', 'pid 2 ptrace → 0', 'pid 1 wait4 → 0'],
  },
  {
    name: 'the status is the group stop\'s signal, not the one the tracer resumed with',
    steps: [fork(1), fork(1), kill(2, -1, 'SIGSTOP'), ptrace(2, 'PT_ATTACH', 3), ptrace(2, 'PT_CONTINUE', 3, 'SIGUSR1'), wait4(1, -1, [...NOHANG_UNTRACED])],
    want: [...RESUMED, STOP_REPORT],
  },
  {
    name: 'the tracer\'s report of its trace stop leaves the parent\'s to hear',
    steps: [...STOPPED_THEN_RESUMED, wait4(2, 3, [...NOHANG_UNTRACED]), wait4(1, -1, [...NOHANG_UNTRACED])],
    want: [...RESUMED, 'pid 2 wait4 → 3, stopped(SIGSTOP) 0x137f, utime 0', STOP_REPORT],
  },
  {
    name: 'it outlives the tracer',
    steps: [...STOPPED_THEN_RESUMED, exit(2, 0), wait4(1, 3, [...NOHANG_UNTRACED])],
    want: [...RESUMED, 'pid 2 exit does not return', STOP_REPORT],
  },
  {
    name: 'a SIGCONT ends it: the parent hears of the continue instead',
    steps: [...STOPPED_THEN_RESUMED, kill(1, 3, 'SIGCONT'), wait4(1, -1, ['WNOHANG', 'WCONTINUED', 'WUNTRACED']), wait4(1, -1, [...NOHANG_UNTRACED])],
    want: [...RESUMED, 'pid 1 kill → 0', 'pid 1 wait4 → 3, continued 0xffff, utime 0', 'pid 1 wait4 → 0'],
  },
];

pinLiterally('the group-stop record', CASES);

testNeedsItsSwitch('host-group-stop-reported-while-traced', 'groupStopOutlivesTrace', [
  'step 5 (wait4 by 1): ret: expected 3, got nothing',
  'step 5 (wait4 by 1): status.raw (status): expected 0x137f, got nothing',
  'step 5 (wait4 by 1): rusage: expected {"utime":0}, got nothing',
  'step 5 (wait4 by 1): sleeps: expected the call not to block, got kind sleep',
]);
