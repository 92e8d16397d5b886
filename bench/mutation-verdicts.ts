/**
 * Stryker's surviving mutants on oracle/ judged equivalent by hand: no observable behaviour of the
 * model changes, for the reason given. A survivor is matched by file, mutator, replacement and a
 * piece of its source line (line numbers move as the oracle is edited). A survivor not listed is
 * reported as unexplained; survivors a new test killed are not listed (they show as killed).
 */
export interface Verdict {
  /** Repository-relative path of the mutated file. */
  file: string;
  /** Stryker's mutator name (e.g. `ConditionalExpression`). */
  mutator: string;
  /** Stryker's replacement text, exactly. */
  replacement: string;
  /** A piece of the original source line the mutant sits on. */
  lineContains: string;
  /** Why no test can tell the mutant from the original. */
  equivalent: string;
}

const WAIT = 'oracle/wait/wait-kernel.ts';
const EXIT = 'oracle/exit/exit-kernel.ts';
const KERNEL = 'oracle/kernel/kernel.ts';
const ABORT2 = 'oracle/exit/abort2-message.ts';
const PIDS = 'oracle/kernel/pid-allocator.ts';

/** A default parameter value that no caller leaves to the default. */
const EVERY_CALLER_PASSES = 'every caller passes this argument, so the default value is never used';

/** The give-back's second test, on the two profiles: FreeBSD never reads it, Linux never gets there. */
const GIVEBACK_WHEN =
  'FreeBSD\'s givebackWhen is oppid-set, so the && is false before its second operand; on Linux oppid is never set (attach does not reparent, PT_TRACE_ME sets no oppid), so giveBack has returned at `p.oppid === 0` already';

/** The rusage flag only decides whether a usage value is computed; it is read back only when wait4's rusage pointer is not null. */
const RUSAGE_FLAG =
  'the flag only selects whether kern_wait fills in a usage value; waitObservation copies it out only for wait4 with a non-null rusage pointer, so computing it anyway changes nothing visible';

export const EQUIVALENT_MUTANTS: readonly Verdict[] = [
  { file: WAIT, mutator: 'UpdateOperator', replacement: 'nfound--', lineContains: 'nfound++', equivalent: 'nfound is only compared with 0 (kern_exit.c:846 ECHILD); counting down is non-zero exactly when counting up is' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "this.kern_wait(q, pid, options, a.call === 'wait4' && a.rusage !== 'null')", equivalent: RUSAGE_FLAG },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "this.waitScan(p, s.wpid, s.options, a.call === 'wait4' && a.rusage !== 'null')", equivalent: RUSAGE_FLAG },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.oppid === 0) return false;', equivalent: 'without the early return the give-back looks up pfind(0), which is always null (pids start at 1), and returns false just the same' },
  { file: WAIT, mutator: 'UpdateOperator', replacement: 'p.sigacts.refs++', lineContains: 'p.sigacts.refs--', equivalent: 'the count is read only at exec, to decide whether to copy shared sigacts before changing them; the reaped zombie never uses its sigacts again, so copying or not gives the survivor the same actions' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (!(p.flag & P_HADTHREADS)) return;', equivalent: 'a process that never had threads has threads = 1 and no thread ids, so the loop and releaseTids do nothing' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p !== p.leader) return false;', equivalent: 'only a leader has peers: for any other process the loop is empty and the result, peers.length > 0, is false' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (i >= 0) l.peers.splice(i, 1);', equivalent: 'a peer is on its leader\'s list until it exits, and a leader reaches this point only with no peers left (it slept in killPeers until then), so i is never -1 when the list is non-empty' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (l.peers.length === 0) return;', equivalent: 'the list is empty here only when l is p itself (a process that is no one\'s peer, or a leader whose peers are gone): indexOf gives -1, nothing is spliced, and wakeup(p) returns at once because the exiting p is not asleep' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (sp.ttyvp) {', equivalent: 'setctty sets ttyp together with ttyvp, and only this leader\'s exit clears ttyvp (then the session has no leader to come here again): with ttyvp false, ttyp is null and the block does nothing' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (tp !== null && tp.session === sp) {', equivalent: 'inside `if (sp.ttyvp)` the terminal exists and is the one setctty made for this very session, so the test is always true' },
  { file: EXIT, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'sp.ttyvp = false; // VOP_REVOKE', equivalent: 'the line after the block sets ttyvp to false in every case' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (this.profile.tracerExit === 'detach') this.detachTracees(p);", equivalent: 'the ptraced list is filled only where attach does not reparent (linkTracer), which is the detach profile; elsewhere it is empty and detachTracees loops over nothing' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (this.profile.nocldwaitWakesParent === 'always' || pp.children.length === 0) this.wakeup(pp);", equivalent: 'only a to-init profile (ignoredChildExit) calls handToInitIfParentIgnores, and the one such profile, FreeBSD, has nocldwaitWakesParent when-last: the first operand is false there anyway' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: '...(o.status !== undefined ? { status: o.status } : {})', equivalent: 'with a null status pointer the spread adds status: undefined, which runner/compare.ts (and JSON) read as no status at all' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'const list = ntraced === 0 ? q.children : [...q.children, ...q.ptraced];', equivalent: 'when ntraced is 0 the concatenation holds exactly the children, in order' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (!this.profile.hasOwait) return failed(this.stepIndex, q.pid, 'owait', 'ENOSYS');", equivalent: 'the one profile without owait (linux) also lists it in unsupportedCalls, so Kernel.dispatch rejects the step before sys_owait runs' },
  { file: KERNEL, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (obs.length === 0) obs.push(own);', equivalent: 'unshift onto an empty list is push' },
  { file: EXIT, mutator: 'MethodExpression', replacement: 'pg.members', lineContains: 'for (const m of pg.members.slice()) {', equivalent: 'psignal only posts (what a signal does happens at the next crossing, semantics.md §9.2), so no member leaves the group during the loop and the copy changes nothing' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'else if (p.sigparent !== 0) {', equivalent: 'sigparent is set when a process is made (fork1: SIGCHLD, or SIGUSR1 for RFLINUXTHPN; init: SIGCHLD) and only ever reset to SIGCHLD, so it is never 0 here' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (this.profile.ignoredChildExit === 'autoreap' && pp.sigacts.psFlag & PS_CLDSIGIGN && p.tracer === null) return;", equivalent: 'with ignoredChildExit to-init (FreeBSD) the parent here has SIGCHLD at SIG_IGN, and FreeBSD discards an ignored signal at posting, blocked or not (blockedIgnoredDiscarded), so returning before the post changes nothing' },
  { file: WAIT, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'traceePass = false', equivalent: EVERY_CALLER_PASSES },
  { file: WAIT, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'protected reportStop(q: Proc, p: Proc, rusage = false)', equivalent: EVERY_CALLER_PASSES },
  { file: WAIT, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'protected reportContinued(q: Proc, p: Proc, rusage = false)', equivalent: EVERY_CALLER_PASSES },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (this.profile.givebackWhen === 'oppid-differs' && p.oppid === q.pid) return false;", equivalent: GIVEBACK_WHEN },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (this.profile.givebackWhen === 'oppid-differs' && p.oppid === q.pid) return false;", equivalent: GIVEBACK_WHEN },
  { file: WAIT, mutator: 'EqualityOperator', replacement: 'p.oppid !== q.pid', lineContains: "if (this.profile.givebackWhen === 'oppid-differs' && p.oppid === q.pid) return false;", equivalent: GIVEBACK_WHEN },
  { file: WAIT, mutator: 'BooleanLiteral', replacement: 'true', lineContains: "if (this.profile.givebackWhen === 'oppid-differs' && p.oppid === q.pid) return false;", equivalent: GIVEBACK_WHEN },
  { file: ABORT2, mutator: 'EqualityOperator', replacement: 'buf.length + s.length >= SBUF_SIZE - 1', lineContains: 'if (buf.length + s.length > SBUF_SIZE - 1) {', equivalent: 'an append that exactly fills the 511 bytes is kept whole either way, and the next append (the newline at least) is then cut to nothing: the same line' },
  { file: ABORT2, mutator: 'BooleanLiteral', replacement: 'false', lineContains: 'overflowed = true;', equivalent: 'after the cut the buffer holds 511 bytes, so the next append (the newline at least) is cut to nothing and sets the flag itself' },
  { file: ABORT2, mutator: 'Regex', replacement: '/\\s$/', lineContains: "buf = buf.replace(/\\s+$/, ''); // sbuf_trim", equivalent: 'every improper case is found before the reason is appended, so the buffer ends with the header\'s one blank: trimming one blank or all is the same' },
  { file: KERNEL, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (this.panicMessage === null) this.runEffects();', equivalent: 'runEffects stops at once when the kernel has panicked, and no step runs after a panic' },
  { file: KERNEL, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.flag & P_WEXIT) throw new StepRejected(call, `pid ${step.pid} is exiting`);', equivalent: 'P_WEXIT is set only inside exit1, which ends in a zombie or in the leader\'s sleep for its peers; the zombie and asleep checks come first' },
  { file: KERNEL, mutator: 'StringLiteral', replacement: '``', lineContains: 'if (p.flag & P_WEXIT) throw new StepRejected(call, `pid ${step.pid} is exiting`);', equivalent: 'unreachable, as the line\'s test: P_WEXIT is set only inside exit1, which ends in a zombie or asleep' },
  { file: KERNEL, mutator: 'ConditionalExpression', replacement: "case 'getpgid':", lineContains: "case 'getpgid': return this.sys_getid(p, s);", equivalent: "without its own case getpgid falls through to getsid's, which calls the same sys_getid" },
  { file: PIDS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (trypid < pidFloor) trypid += pidFloor;', equivalent: 'lastpid is below pidMax and trypid counts up by one, so the wrap happens at trypid === pidMax, where trypid % pidMax is 0: below any floor (≥ 2)' },
  { file: PIDS, mutator: 'EqualityOperator', replacement: 'trypid <= pidFloor', lineContains: 'if (trypid < pidFloor) trypid += pidFloor;', equivalent: 'at the wrap trypid is 0 (see the line\'s other mutant), never equal to the floor (≥ 2)' },
];
