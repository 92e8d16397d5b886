/**
 * Stryker's surviving mutants on oracle/ judged equivalent by hand: no observable behaviour of the
 * model changes, for the reason given. A survivor is matched by file, mutator, replacement and a
 * piece of its source line (line numbers move as the oracle is edited). A survivor not listed is
 * reported as unexplained; survivors a new test killed are not listed (they show as killed).
 */
import { REST_EQUIVALENT_MUTANTS } from './mutation-verdicts-rest';

export interface Verdict {
  /** Repository-relative path of the mutated file. */
  file: string;
  /** Stryker's mutator name (e.g. `ConditionalExpression`). */
  mutator: string;
  /** Stryker's replacement text, exactly. */
  replacement: string;
  /** A piece of the original source line the mutant sits on. */
  lineContains: string;
  /**
   * The exact source text the mutant replaces, where one line holds several mutants of the same
   * mutator and replacement (e.g. two operands of one condition each replaced by `false`).
   */
  mutated?: string;
  /** Why no test can tell the mutant from the original. */
  equivalent: string;
}

const WAIT = 'oracle/wait/wait-kernel.ts';
const EXIT = 'oracle/exit/exit-kernel.ts';
const KERNEL = 'oracle/kernel/kernel.ts';
const ABORT2 = 'oracle/exit/abort2-message.ts';
const PIDS = 'oracle/kernel/pid-allocator.ts';
const PTRACE = 'oracle/ptrace/ptrace-kernel.ts';
const POST = 'oracle/signals/signal-post.ts';
const DELIVERY = 'oracle/signals/signal-delivery.ts';
const SIGSYS = 'oracle/signals/signal-syscalls.ts';
const RESOLVE = 'oracle/signals/resolve-signal.ts';

/** No process is NEW between steps, so a walk over the process table never meets one. */
const NEVER_NEW = 'no process is ever NEW when a step runs: fork1 makes its child NORMAL within the fork step and nothing else sets PRS_NEW, so the skip never applies';

/** issignal's loop top re-checks what actOn's false reported (semantics.md §3.9.3). */
const LOOP_TOP =
  'the loop\'s next pass (or afterPtracestop\'s caller, which goes to it) starts by returning for a stopped or dead process, so going on after a stop or a death ends the scan just the same';

/** How a tracee's stop ends a vfork parent's sleep on Linux: only a pending SIGKILL does anything. */
const PPWAIT_AST =
  'the extra ASTs do nothing: one for a vfork parent in ppwait without SIGKILL pending returns at `s.chan !== \'wait\'`, one for a leader asleep in exit1 returns at once (P_WEXIT); and SIGKILL to a wait sleeper is queued as an AST by the default path anyway';

/** exit1 sets P_WEXIT and nothing clears it, so every zombie has it. */
const ZOMBIE_HAS_WEXIT = 'every zombie has P_WEXIT (exit1 sets it, nothing clears it), so the state test adds nothing to the flag test';

/** An AST's sleeper with SIGKILL pending dies the same way in ast's ppwait branch and in its wait branch. */
const SIGKILL_SLEEPER =
  'only wait and ppwait sleepers get here (exit1 sleepers are P_WEXIT and returned above), and an AST reaches a ppwait sleeper only for SIGKILL on linux (tdsigwakeup), never on FreeBSD; a wait sleeper with SIGKILL pending dies in either branch (SIGKILL is its interrupting signal) and its wait ends with noreturn';

/** A default parameter value that no caller leaves to the default. */
const EVERY_CALLER_PASSES = 'every caller passes this argument, so the default value is never used';

/** The give-back's second test, on the two profiles: FreeBSD never reads it, Linux never gets there. */
const GIVEBACK_WHEN =
  'FreeBSD\'s givebackWhen is oppid-set, so the && is false before its second operand; on Linux oppid is never set (attach does not reparent, PT_TRACE_ME sets no oppid), so giveBack has returned at `p.oppid === 0` already';

/** The rusage flag only decides whether a usage value is computed; it is read back only when wait4's rusage pointer is not null. */
const RUSAGE_FLAG =
  'the flag only selects whether kern_wait fills in a usage value; waitObservation copies it out only for wait4 with a non-null rusage pointer, so computing it anyway changes nothing visible';

export const EQUIVALENT_MUTANTS: readonly Verdict[] = [
  ...REST_EQUIVALENT_MUTANTS,
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (o.status !== undefined) f.status = o.status;', equivalent: 'o.status is undefined exactly when the status pointer was null; assigning undefined leaves a key without a value, which JSON (fixtures, the line protocol, reports) drops and every comparison reads as absent' },
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
  { file: KERNEL, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (this.profile.deathBeforeReturn && own.kind === 'return' && p.deathSignal === SIGKILL) {", mutated: "own.kind === 'return'", equivalent: 'the other kinds are noreturn already (exit, abort2) or sleep (wait4, vfork), and a call that sleeps posts no signal in its step, so its caller cannot die of SIGKILL in it (deathSignal is set only by a death)' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (q.pptr !== t) this.notifyRealParent(q);', equivalent: 'when the tracer is the parent, notifyRealParent tells the exiting tracer itself: its SIGCHLD is discarded by flushSignals later in the same exit1, its wakeup finds it awake, and it reaps the zombie at once exactly when the else branch does (it ignores children)' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (!(q.flag & P_STOPPED_TRACE)) continue;', equivalent: 'a tracee without P_STOPPED_TRACE has traceSig 0 (ptracestop sets both; a resume clears the flag and the AST it queues, in the same step, clears traceSig), so the rest of the body does nothing for it' },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (anchored || !pg.members.some((m) => m.state !== PRS_ZOMBIE && !(m.flag & P_WEXIT) && m.groupStopInEffect)) return;', mutated: 'm.state !== PRS_ZOMBIE', equivalent: ZOMBIE_HAS_WEXIT },
  { file: EXIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (q.traceSig !== 0) {', equivalent: 'in a trace stop traceSig is 0 only in the attach trap on a group stop (attachStops), whose group stop is in effect (the branch above took the rest): resuming it and reinstating the stop at once (restopIfGroupStopped: same flags, the group stop\'s own signal, no report) leaves it as it was' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (s === null || p.state !== PRS_NORMAL) return;', mutated: 'p.state !== PRS_NORMAL', equivalent: 'a zombie is never asleep: a sleeper dies only through ast, which clears its sleep first, and a leader\'s exit1 sleep ends before exit1Tail makes it a zombie, so `s === null` already returns for it' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (s.chan !== 'wait') return false;", equivalent: 'rescanWait is called only from ast after its own `s.chan !== \'wait\'` return, so the sleep here is always a wait' },
  { file: WAIT, mutator: 'BooleanLiteral', replacement: 'true', lineContains: "if (s.chan !== 'wait') return false;", equivalent: 'rescanWait is called only from ast after its own `s.chan !== \'wait\'` return, so this line never returns' },
  { file: WAIT, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'return this.profile.groupStopOutlivesTrace || ((p.flag & P_STOPPED_SIG) !== 0 && p.suspended && p.traceSig === 0);', equivalent: 'the operand after || is never evaluated: groupStopUnreported runs only in considerLinux, i.e. where attach does not reparent (linux), whose groupStopOutlivesTrace is true' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'return td === p || td.uid === 0 || td.uid === p.uid;', mutated: 'td === p', equivalent: 'td === p only for PT_TRACE_ME, and then td.uid === p.uid holds anyway' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (p === null && a.req === 'PT_ATTACH' && this.threadOwner(a.target) !== null)", mutated: 'p === null', equivalent: 'a pid pfind finds is no thread id (a thread takes its id from the same pid space, threadsTakePids), so threadOwner(a.target) is null whenever p is not' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (a.req === 'PT_ATTACH' && p === null && this.procs.get(a.target)?.state === PRS_ZOMBIE)", mutated: 'p === null', equivalent: 'pfind finds only live processes, so when p is not null the target is no zombie' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "const permitted = this.profile.attachReparents || a.req === 'PT_ATTACH' || a.req === 'PT_TRACE_ME';", mutated: "a.req === 'PT_TRACE_ME'", equivalent: 'PT_TRACE_ME\'s target is the caller, and p_candebug of oneself is true, so checking it or not is the same' },
  { file: PTRACE, mutator: 'LogicalOperator', replacement: '!(p.flag & P_STOPPED) && !p.suspended', lineContains: 'if (!(p.flag & P_STOPPED) || !p.suspended) return e.notStopped;', equivalent: 'when a step runs, a process is stopped and suspended or neither: a stop completes (suspended) at the AST of the step that posted it, restopIfGroupStopped sets both, and every end of a stop clears both' },
  { file: PTRACE, mutator: 'EqualityOperator', replacement: 'n < this.procs.size', lineContains: 'for (let q = td.pptr; q !== null && n <= this.procs.size; q = q.pptr, n++) if (q === p) return true;', equivalent: 'a chain without a loop has fewer links than there are processes, and a looping one repeats within its first pass, so one step less finds the same ancestors' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'else if (p.pptr !== td) this.proc_reparent(p, td);', equivalent: 'proc_reparent returns at once when the new parent is the old one' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (p.traceSig !== 0) p.xsig = data;', equivalent: 'xsig is read only by afterPtracestop, which runs only after a trace stop (traceSig not 0), and ptracestop sets xsig afresh' },
  { file: PTRACE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: '} else if (data !== 0) {', equivalent: 'sendsig reaches a running process only from attachStops, with SIGSTOP: PT_CONTINUE and PT_DETACH need a stopped target, and PT_KILL of a running one posts SIGKILL itself' },
  { file: SIGSYS, mutator: 'EqualityOperator', replacement: 'a.target <= -1', lineContains: ': a.target === -1 ? !others() : a.target < -1 && this.pgfind(-a.target) === null);', equivalent: 'a target of -1 is taken by the branch before it (a.target === -1), so here < -1 and <= -1 agree' },
  { file: RESOLVE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (typeof sig !== 'string' || !NAMES.has(sig))", mutated: "typeof sig !== 'string'", equivalent: 'a value that is not a string is no member of NAMES either, so the second test rejects it just the same' },
  { file: DELIVERY, mutator: 'LogicalOperator', replacement: 'p.state === PRS_NORMAL || !(p.flag & P_WEXIT)', lineContains: 'const alive = p.state === PRS_NORMAL && !(p.flag & P_WEXIT);', equivalent: 'the two differ only for a live P_WEXIT process, an rfork leader asleep in exit1, which exists only where rfork does (FreeBSD); held returns exist only on linux (vforkReturnAfterSignals, waitReturnAfterSignals), which has no rfork' },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (alive && !byWait) this.queueAst(p);', equivalent: 'the extra AST finds nothing: for a wait\'s hold the scan before took every unblocked signal (byWait lifts the mask), and ast returns at once for a dead process' },
  { file: DELIVERY, mutator: 'LogicalOperator', replacement: 'alive || !byWait', lineContains: 'if (alive && !byWait) this.queueAst(p);', equivalent: 'the two differ only for a dead process, for which ast returns at once' },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (p.flag & P_TRACED || a === SIG_CATCH || (a === SIG_DFL && SIGPROP[id] & SA_KILL)) return id;', mutated: 'a === SIG_DFL', equivalent: 'an ignored signal is never pending and unblocked at a sleeper: it is discarded at posting unless blocked (linux R15 keeps a blocked one), a blocked one its process unblocks is taken at that step\'s crossing, and a traced sleeper returns on the first operand' },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.flag & P_STOPPED || p.sleep !== null) return;', mutated: 'p.sleep !== null', equivalent: 'the sleep is always clear here: ast cleared it before the loop, the loop\'s handlers do not sleep, and a leader that sleeps in exit1 has P_WEXIT and left above' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (p.flag & P_STOPPED) this.postToStopped(p, SIGCONT, SIGPROP[SIGCONT], SIG_IGN);', equivalent: 'for a process that is not stopped the SIGCONT branch of postToStopped changes nothing: P_STOPPED_SIG is clear, it is not suspended, thread_unsuspend\'s wakeup needs wakePending (set only while suspended), and its AST finds nothing deliverable that the last crossing left' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (id === SIGKILL && p.flag & P_TRACED) {', mutated: 'id === SIGKILL', equivalent: 'a traced process gets here only with SIGKILL: the line before returns for any other signal to a traced process' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (!this.profile.groupStopOutlivesTrace || !p.groupStopInEffect || p.state === PRS_ZOMBIE) return;', mutated: 'p.state === PRS_ZOMBIE', equivalent: 'neither caller passes a zombie: PT_DETACH needs a stopped target, and detachTracees handles zombies first (continue)' },
  { file: POST, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'p.suspended = false;', equivalent: 'suspended is read only together with a stop flag (P_STOPPED or P_STOPPED_SIG), and every new stop sets it afresh (tdsignal\'s stop path clears it before the AST suspends; actOn, ptracestop and restopIfGroupStopped set it), so a stale true on a running process is never seen' },
  { file: SIGSYS, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (td === p) return true;', equivalent: 'for a process signalling itself the credential rule passes anyway: td.uid === p.uid (semantics.md §3.9.1)' },
  { file: SIGSYS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (id >= SIGTHR && id <= SIGTHR + 3 && td.leader === p.leader) return true;', mutated: 'id <= SIGTHR + 3', equivalent: 'SIGTHR is the highest id (32, the last of SIGNAL_NAMES), so id >= SIGTHR already means id === SIGTHR, which is below SIGTHR + 3' },
  { file: SIGSYS, mutator: 'EqualityOperator', replacement: 'id < SIGTHR + 3', lineContains: 'if (id >= SIGTHR && id <= SIGTHR + 3 && td.leader === p.leader) return true;', equivalent: 'SIGTHR is the highest id, so no id reaches SIGTHR + 3' },
  { file: SIGSYS, mutator: 'UpdateOperator', replacement: 'candidates--', lineContains: 'candidates++;', equivalent: 'candidates is only compared with 0; counting down is non-zero exactly when counting up is' },
  { file: SIGSYS, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.pid <= 1 || p === td || p.state === PRS_NEW) continue;', mutated: 'p.state === PRS_NEW', equivalent: NEVER_NEW },
  { file: SIGSYS, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if ((p.pid <= 1 && this.profile.killpgSkipsInit) || p.state === PRS_NEW) continue;', mutated: 'p.state === PRS_NEW', equivalent: NEVER_NEW },
  { file: SIGSYS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (!z.inHash && z.pid > 1) post(z);', mutated: 'z.pid > 1', equivalent: 'no zombie has pid 1: init\'s exit ends the run (a panic, or the end of the linux namespace), so no kill follows it' },
  { file: SIGSYS, mutator: 'EqualityOperator', replacement: 'z.pid >= 1', lineContains: 'if (!z.inHash && z.pid > 1) post(z);', equivalent: 'no zombie has pid 1 (see the line\'s other mutant)' },
  { file: SIGSYS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (ps.action[SIGCHLD] === SIG_IGN) ps.action[SIGCHLD] = SIG_DFL;', equivalent: 'after the loop above SIGCHLD\'s action is SIG_DFL or SIG_IGN (a caught one was just reset), so setting SIG_DFL either way is the same' },
  { file: RESOLVE, mutator: 'EqualityOperator', replacement: 'profile.numbering.signo(sig as SignalName) <= 0', lineContains: 'if (profile.numbering.signo(sig as SignalName) < 0) return \'EINVAL\';', equivalent: 'no numbering gives a name the number 0: 0 is the null signal, which has no name (interleaving/numbering.ts)' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: '&& !(this.goesToTracer(p) && id !== SIGKILL)) {', mutated: 'id !== SIGKILL', equivalent: 'SIGKILL is never in the ignore set (it cannot be set to SIG_IGN, sigaction gives EINVAL, and its default kills), so for SIGKILL the test is false before this operand' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (record !== null && id === SIGCHLD) {', mutated: 'id === SIGCHLD', equivalent: 'both callers that pass a record pass SIGCHLD (sigparent and the give-back)' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (record.ksiQueuedAt === null) {', equivalent: 'the record is never on a queue here: sigparent returns first when it is, and the give-back runs after reportZombie took it off (kern_exit.c:717 sigqueue_take; FreeBSD is the one profile with a give-back and with reportWithdrawsSigchld)' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (s.chan === 'ppwait' && id === SIGKILL && this.profile.vforkWaitKillable) {", mutated: "s.chan === 'ppwait'", equivalent: PPWAIT_AST },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (s.chan === 'ppwait' && id === SIGKILL && this.profile.vforkWaitKillable) {", mutated: 'id === SIGKILL', equivalent: PPWAIT_AST },
  { file: POST, mutator: 'LogicalOperator', replacement: "s.chan === 'ppwait' || id === SIGKILL", lineContains: "if (s.chan === 'ppwait' && id === SIGKILL && this.profile.vforkWaitKillable) {", equivalent: PPWAIT_AST },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (p.sleep !== null && p.wakePending) {', mutated: 'p.sleep !== null', equivalent: 'queueWake of a process that is not asleep does nothing: resumeSleeper returns when p.sleep is null' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (!this.profile.stopSignalEndsContinued) p.flag &= ~P_CONTINUED;', equivalent: 'where a stop signal\'s posting ends the continued state (FreeBSD) every group stop follows such a posting, and a SIGCONT since then either removed that pending stop (dropStops) or found the process not yet suspended, so set no P_CONTINUED: the flag is already clear' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'const reason = status & 0x80 ? CLD_DUMPED : low !== 0 && low !== 0x7f ? CLD_KILLED : CLD_EXITED;', equivalent: 'an exit status word never has 0x7f in its low bits: exit(code) leaves them 0, a death by signal puts the signal\'s number there (at most 64), and 0x7f is the stopped pattern (WIFSTOPPED)' },
  { file: POST, mutator: 'BooleanLiteral', replacement: 'false', lineContains: 'k.filled = true;', equivalent: 'the filled flag is never read (proc.ts keeps it for the record\'s history only)' },
  { file: POST, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.ksiQueuedAt !== null) return;', equivalent: 'a queued record means its receiver has not taken it, so it blocks SIGCHLD, is stopped, sleeps uninterruptibly, or has its AST still queued in this step; posting again queues nothing (the record is on a queue) and ends in tdsignal\'s HOLD return, postToStopped\'s "stays pending", tdsigwakeup\'s uninterruptible return, or one more AST that finds nothing new' },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (!this.profile.deliveryByPlatformNumber) return lowestSig(mask);', equivalent: 'where delivery is by id (FreeBSD) the platform numbers are the ids (signal-ids.ts), so the lowest number is the lowest id' },
  { file: DELIVERY, mutator: 'EqualityOperator', replacement: 'this.raw(id) <= this.raw(best)', lineContains: 'if (best === 0 || this.raw(id) < this.raw(best)) best = id;', equivalent: 'two different ids never share a platform number, so equal numbers never occur' },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.state !== PRS_NORMAL || p.flag & (P_WEXIT | P_STOPPED)) return;', equivalent: 'the loop is entered only for a live, running process (ast returns for a stopped or dead one; afterPtracestop returns false when its actOn stopped or killed it), and each later pass follows an actOn that returned true, which it does only when the process neither stopped nor died' },
  { file: DELIVERY, mutator: 'LogicalOperator', replacement: 'p.state !== PRS_NORMAL && p.flag & (P_WEXIT | P_STOPPED)', lineContains: 'if (p.state !== PRS_NORMAL || p.flag & (P_WEXIT | P_STOPPED)) return;', equivalent: 'the test is never true at the loop top (see the line\'s other mutants)' },
  { file: DELIVERY, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'return false;', equivalent: LOOP_TOP },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.state !== PRS_NORMAL || p.flag & P_WEXIT)', mutated: 'p.state !== PRS_NORMAL', equivalent: ZOMBIE_HAS_WEXIT },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'const alive = p.state === PRS_NORMAL && !(p.flag & P_WEXIT);', mutated: 'p.state === PRS_NORMAL', equivalent: ZOMBIE_HAS_WEXIT },
  { file: DELIVERY, mutator: 'LogicalOperator', replacement: 'p.state !== PRS_NORMAL && p.flag & P_WEXIT', lineContains: 'if (p.state !== PRS_NORMAL || p.flag & P_WEXIT) return;', equivalent: 'a zombie has P_WEXIT, so the two differ only for a live P_WEXIT process, a leader asleep in exit1 for its peers: ast then returns a few lines on, at `s.chan !== \'wait\'`' },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (s.chan === 'ppwait' && this.profile.vforkWaitKillable && this.pendingMask(p) & sigBit(SIGKILL)) {", equivalent: SIGKILL_SLEEPER },
  { file: DELIVERY, mutator: 'LogicalOperator', replacement: "s.chan === 'ppwait' && this.profile.vforkWaitKillable || this.pendingMask(p) & sigBit(SIGKILL)", lineContains: "if (s.chan === 'ppwait' && this.profile.vforkWaitKillable && this.pendingMask(p) & sigBit(SIGKILL)) {", equivalent: SIGKILL_SLEEPER },
  { file: DELIVERY, mutator: 'LogicalOperator', replacement: "s.chan === 'ppwait' || this.profile.vforkWaitKillable", lineContains: "if (s.chan === 'ppwait' && this.profile.vforkWaitKillable && this.pendingMask(p) & sigBit(SIGKILL)) {", equivalent: SIGKILL_SLEEPER },
  { file: DELIVERY, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (s.chan !== 'wait') return;", equivalent: 'no AST reaches a sleeper other than a wait one here: exit1 sleepers returned above (P_WEXIT), and a ppwait sleeper gets an AST only for SIGKILL on linux, which the branch above takes' },
  { file: DELIVERY, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'p.wakePending = false;', equivalent: 'wakePending is set only while a sleeper is stopped and suspended (wakeup, resumeSleeper), and every end of a stop goes through thread_unsuspend, which clears it; at these lines the process is not suspended in a stop, so the flag is already false' },
];
