import type { Verdict } from './mutation-verdicts';

const FORK = 'oracle/fork/fork-kernel.ts';
const JOBC = 'oracle/jobcontrol/job-control-kernel.ts';
const STATE = 'oracle/kernel/kernel-state.ts';
const PROC = 'oracle/kernel/proc.ts';
const BUILD = 'oracle/snapshot/build-snapshot.ts';
const PROC_VIEW = 'oracle/snapshot/proc-view.ts';
const VIEW_TABLE = 'oracle/snapshot/view-table.ts';
const SESSION_VIEW = 'oracle/snapshot/session-view.ts';
const UID_COUNTS = 'oracle/snapshot/uid-counts.ts';

/** resumeSleeper, where every queued wake lands, begins with the same stop test. */
const WAKE_JUDGED_AGAIN =
  'resumeSleeper, where every queued wake ends up, starts with the same test and sets wakePending just as this branch does; a wake queued before a stop completes runs after that stop\'s AST (posting order, §9.2), and a sleeper is never suspended without P_STOPPED_SIG (a trace stop ends the wait first), so deciding here or there is the same';

/** Every change of this part of the snapshot changes a proc view too. */
const WITH_A_PROC_CHANGE = (what: string) =>
  `${what}, so procs !== prev.procs whenever this operand would be false: the snapshot is rebuilt all the same`;

/** ViewTable's order test only saves a sort of an array already in id order. */
const SORT_ANYWAY = 'the test only decides whether to sort; sorting views that are already in id order (ids are unique) gives the same array';

/** ViewTable's cursor only says where to look first. */
const CURSOR_ONLY_GUESSES =
  'the cursor only says where to look first: a wrong guess falls back to indexOf over all the last walk\'s entries, which finds the same entry (each object has one), so every walk gives the same entries and views';

/** The uid-counts records are shared only to save building them: when the cache is emptied changes no record's content. */
const RECORDS_ONLY_SHARE =
  'emptying the shared records only makes the next record of each content a new object of the same content; the sharing contract asks for the same record while the counts stay the same, which UidCounts keeps itself (its last record)';

/** UidCounts' own test of its last record only saves building the key again. */
const LAST_RECORD_AGAIN =
  'a false answer only rebuilds the key of the same counts, in the same map order, and the shared records give back that very record (a new object of the same content only if 4,096 other contents were recorded in between, which the emptying allows)';

/** Unique ids: no two views of one table compare equal. */
const UNIQUE_IDS = 'ids of one table are unique, so no view is moved past one with its own id';

/** peekPid's answer is -1 or a real id, never 0. */
const NO_PID_ZERO =
  'peekPid gives -1 or an id of at least 1 (lastpid + 1 before the wrap, at least the floor, ≥ 2, after it), so `<= 0` and `< 0` agree';

/** Sigacts.refs is read only by execve, to decide whether to copy. */
const REFS_ONLY_DECIDE_A_COPY =
  'refs is read only here, to decide whether to copy before exec changes the actions; copying a table nobody else holds gives a table with the same contents, so a needless copy (refs counted too high, or a copy whatever the count) changes nothing visible';

/** runEffects' guard against effects that never settle. */
const EFFECT_GUARD =
  'a guard against a model bug: a step queues a few effects per process of the table (ASTs and wakes of the processes it touched), far below the limit of 1,000,000 for any table a config or test builds; the guard can fire only for effects that never settle, which no correct oracle produces';

/** A sleep's step is the step it began in, which a restart keeps: two sleeps of one process with one step are one call's. */
const ONE_STEP_ONE_SLEEP =
  'every sleep takes the index of the step it begins in (fork1\'s ppwait, kern_wait\'s wait, exit1\'s) and a restarted wait keeps its own, on the same channel; a snapshot sees the last sleep a step left, and any later sleep of that process has a later step, so a view and a sleep with the same step are the same call\'s sleep: same channel, and for ppwait the child its vfork made';

/** Reasons two mutants of one line share. */

/**
 * Equivalent survivors of the files stryker.rest.json mutates (ptrace, fork, job control, the
 * snapshot builder, the kernel state and profiles), kept apart from bench/mutation-verdicts.ts so
 * the two batches are judged side by side. Same rules: each reason must show that no observable
 * behaviour changes.
 */
export const REST_EQUIVALENT_MUTANTS: readonly Verdict[] = [
  { file: FORK, mutator: 'EqualityOperator', replacement: 'pid <= 0', lineContains: 'if (pid < 0) throw new StepRejected(call,', equivalent: NO_PID_ZERO },
  { file: FORK, mutator: 'EqualityOperator', replacement: 'tid <= 0', lineContains: "if (tid < 0) throw new StepRejected('thr_new',", equivalent: NO_PID_ZERO },
  { file: FORK, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'leader.peers.splice(p1 === leader ? 0 : leader.peers.indexOf(p1) + 1, 0, p2);', equivalent: 'a leader is not on its own peer list, so for p1 === leader indexOf gives -1 and the position is 0 either way' },
  { file: FORK, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (leader.flag & P_WEXIT) this.psignal(p2, SIGKILL);', equivalent: 'a leader with P_WEXIT is asleep in exit1 after posting SIGKILL to every peer (killPeers, kern_exit.c:181-199); each peer dies of it at its next crossing, in that step\'s effects or in the one that ends its uninterruptible vfork sleep, so no peer of an exiting leader ever calls rfork' },
  { file: FORK, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (p.sigacts.refs > 1) {', equivalent: REFS_ONLY_DECIDE_A_COPY },
  { file: FORK, mutator: 'EqualityOperator', replacement: 'p.sigacts.refs >= 1', lineContains: 'if (p.sigacts.refs > 1) {', equivalent: REFS_ONLY_DECIDE_A_COPY },
  { file: FORK, mutator: 'UpdateOperator', replacement: 'p.sigacts.refs++', lineContains: 'p.sigacts.refs--;', equivalent: REFS_ONLY_DECIDE_A_COPY },
  { file: JOBC, mutator: 'MethodExpression', replacement: 'pg.members', lineContains: 'for (const m of pg.members.slice()) {', equivalent: 'psignal only posts (what a signal does happens at the next crossing, semantics.md §9.2), so no member leaves the group during the loop and the copy changes nothing' },
  { file: JOBC, mutator: 'EqualityOperator', replacement: 'n >= this.procs.size', lineContains: 'if (q === null || n > this.procs.size) return false;', equivalent: 'a chain without a loop reaches null within procs.size links, and one with a loop repeats within its first pass, so td is found (or not) before n reaches procs.size either way' },
  { file: JOBC, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (p.pgrp.id === p.pid || this.pgfind(p.pid) !== null) return failed(this.stepIndex, p.pid, 'setsid', 'EPERM');", mutated: 'p.pgrp.id === p.pid', equivalent: 'when p leads its group, that group is the pgrp with id p.pid, so the second test is true whenever the first is' },
  { file: JOBC, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (!s.ttyvp || tp === null || tp.session !== s || !(p.flag & P_CONTROLT)) {', mutated: 'tp.session !== s', equivalent: 'setctty makes the terminal as { session: s, … } and nothing changes its session afterwards, so a session\'s terminal always belongs to that session' },
  { file: STATE, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', lineContains: 'log: string[] = [];', equivalent: 'beginStep replaces the buffer before the first step, and the log is read only in a step\'s result' },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'return p !== undefined && p.inHash && p.state === PRS_NORMAL ? p : null;', equivalent: 'no process is NEW when a step runs (fork1 makes its child in the same step), and exit1 takes a process out of the hash (moveToZombproc, kern_exit.c:403-407) before it becomes a zombie (kern_exit.c:517), so inHash implies NORMAL' },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (this.log === NONE) this.log = [];', equivalent: 'only abort2 writes a log line, once in its step, so the buffer is always NONE here' },
  { file: STATE, mutator: 'StringLiteral', replacement: '""', lineContains: "if (i > EFFECT_LIMIT) throw new Error('oracle: effects did not settle (model bug)');", equivalent: EFFECT_GUARD },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: "if (i > EFFECT_LIMIT) throw new Error('oracle: effects did not settle (model bug)');", equivalent: EFFECT_GUARD },
  { file: STATE, mutator: 'EqualityOperator', replacement: 'i >= EFFECT_LIMIT', lineContains: "if (i > EFFECT_LIMIT) throw new Error('oracle: effects did not settle (model bug)');", equivalent: EFFECT_GUARD },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (this.panicMessage !== null) break;', equivalent: 'the kernel panics only in init\'s own exit or abort2 call (init takes no default action of a signal, signal-delivery\'s `p.pid <= 1`, so it never dies in an effect), and Kernel.apply runs no effects once the step has panicked: no effect ever runs with a panic set' },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (procs.length !== 0) {', equivalent: 'emptying empty lists changes nothing' },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (i >= 0) at.chldRecords.splice(i, 1);', equivalent: 'ksiQueuedAt is set only when the record is pushed on that queue and cleared wherever it leaves it (takeOne, sigqueue_delete, here), so p is always on at.chldRecords and i is never -1' },
  { file: PROC, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'groupStopWaited = false;', equivalent: 'it is read only while groupStopInEffect, and thread_stopped, the one place that sets groupStopInEffect, sets groupStopWaited to false in the same call (both branches, traceSig 0)' },
  { file: PROC, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'readonly ksi: Ksi = { code: 0, status: 0, pid: 0, uid: 0, filled: false };', equivalent: 'nothing reads ksi.filled (it is only ever set, signal-post.ts)' },
  { file: PROC, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'suspended = false;', equivalent: 'every read sits behind a test of a stop flag, and every place that stops a running process assigns suspended itself (psignal: false until the AST completes the stop; actOn, ptracestop, restopIfGroupStopped: true), so the initial value is never read' },
  { file: PROC, mutator: 'StringLiteral', replacement: '""', lineContains: "comm = 'a.out';", equivalent: 'every process gets its comm before anyone reads it: init is named at boot, a child copies its parent\'s at fork1' },
  { file: PROC, mutator: 'BooleanLiteral', replacement: 'true', lineContains: 'stopDequeued = false;', equivalent: 'it is read only in afterPtracestop on a traceStopDequeues profile, after the ptracestop that set it to true on that profile (a SIGCONT since may have cleared it), so the initial value is never read' },
  { file: FORK, mutator: 'StringLiteral', replacement: '""', lineContains: "const base = (a.path ?? 'a.out').split('/').pop() || 'a.out';", equivalent: 'with no path the empty string gives an empty last component, and the `|| \'a.out\'` after it names the process a.out all the same' },
  { file: JOBC, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "if (pg.id !== targ.pid && pg.session !== td.pgrp.session) return err('EPERM');", mutated: 'pg.id !== targ.pid', equivalent: 'a group whose id is the target\'s pid was made by the target in its own session, which it leaves only by setsid (after which it leads its session and setpgid failed above); the target is in the caller\'s session (checked above), so for pg.id === targ.pid the session test is false anyway' },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (!this.tracing) return;', equivalent: 'Kernel.apply copies the trace into the step result only when tracing, so events gathered anyway are never seen' },
  { file: STATE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (p.flag & P_STOPPED_SIG && p.suspended) {', equivalent: WAKE_JUDGED_AGAIN },
  { file: STATE, mutator: 'LogicalOperator', replacement: 'p.flag & P_STOPPED_SIG || p.suspended', lineContains: 'if (p.flag & P_STOPPED_SIG && p.suspended) {', equivalent: WAKE_JUDGED_AGAIN },
  { file: STATE, mutator: 'BlockStatement', replacement: '{}', lineContains: 'if (p.flag & P_STOPPED_SIG && p.suspended) {', equivalent: WAKE_JUDGED_AGAIN },
  { file: BUILD, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'prev !== null && procs === prev.procs && pgrps === prev.pgrps', mutated: 'pgrps === prev.pgrps', equivalent: WITH_A_PROC_CHANGE('a group changes only when a member moves (setpgid, setsid: its pgid changes), comes (fork), goes (reap) or exits (fixjobc in exit1: it becomes a zombie)') },
  { file: BUILD, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'prev !== null && procs === prev.procs && pgrps === prev.pgrps', mutated: 'uidCounts === prev.uidCounts', equivalent: WITH_A_PROC_CHANGE('a per-uid count changes only at fork (a new proc), reap (a proc gone) and setuid (the proc\'s uid)') },
  { file: BUILD, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'k.nprocs === prev.nprocs && k.lastpid === prev.lastpid', mutated: 'k.nprocs === prev.nprocs', equivalent: WITH_A_PROC_CHANGE('nprocs changes only at fork and reap') },
  { file: BUILD, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'k.nprocs === prev.nprocs && k.lastpid === prev.lastpid', mutated: 'k.lastpid === prev.lastpid', equivalent: WITH_A_PROC_CHANGE('lastpid moves only at fork (a new proc) and, on Linux, thr_new (the caller\'s thread count)') },
  { file: VIEW_TABLE, mutator: 'BooleanLiteral', replacement: 'false', lineContains: 'let ordered = true;', equivalent: SORT_ANYWAY },
  { file: VIEW_TABLE, mutator: 'UnaryOperator', replacement: '+Infinity', lineContains: 'let lastId = -Infinity;', equivalent: SORT_ANYWAY },
  { file: VIEW_TABLE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'ordered &&= id > lastId;', equivalent: SORT_ANYWAY },
  { file: VIEW_TABLE, mutator: 'EqualityOperator', replacement: 'id >= lastId', lineContains: 'ordered &&= id > lastId;', equivalent: 'ids of one table are unique, so id >= lastId is id > lastId' },
  { file: VIEW_TABLE, mutator: 'EqualityOperator', replacement: 'id <= lastId', lineContains: 'ordered &&= id > lastId;', equivalent: `the first id is never <= -Infinity, so ordered is false for every non-empty table and the views are always sorted; ${SORT_ANYWAY}` },
  { file: VIEW_TABLE, mutator: 'EqualityOperator', replacement: 'id(views[j]) >= key', lineContains: 'for (; j >= 0 && id(views[j]) > key; j--) views[j + 1] = views[j];', equivalent: UNIQUE_IDS },
  { file: VIEW_TABLE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (!ordered) {', equivalent: SORT_ANYWAY },
  { file: VIEW_TABLE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'const i = at < oldCount && old[at].source === s ? at : indexOf(old, oldCount, s);', equivalent: CURSOR_ONLY_GUESSES },
  { file: VIEW_TABLE, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (i >= 0) at = i + 1;', equivalent: CURSOR_ONLY_GUESSES },
  { file: VIEW_TABLE, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (i >= 0) at = i + 1;', equivalent: CURSOR_ONLY_GUESSES },
  { file: VIEW_TABLE, mutator: 'EqualityOperator', replacement: 'i > 0', lineContains: 'if (i >= 0) at = i + 1;', equivalent: CURSOR_ONLY_GUESSES },
  { file: VIEW_TABLE, mutator: 'EqualityOperator', replacement: 'i < 0', lineContains: 'if (i >= 0) at = i + 1;', equivalent: CURSOR_ONLY_GUESSES },
  { file: UID_COUNTS, mutator: 'EqualityOperator', replacement: 'j <= this.size', lineContains: 'for (let j = 0; j < this.size; j++) if (counts.get(this.uids[j]) !== this.counts[j]) return false;', equivalent: `one pair past the last record is undefined or left over from a larger one; ${LAST_RECORD_AGAIN}` },
  { file: UID_COUNTS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'for (let j = 0; j < this.size; j++) if (counts.get(this.uids[j]) !== this.counts[j]) return false;', equivalent: LAST_RECORD_AGAIN },
  { file: UID_COUNTS, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (this.holds(counts)) return this.last;', equivalent: LAST_RECORD_AGAIN },
  { file: UID_COUNTS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (counts.size !== this.size) return false;', equivalent: LAST_RECORD_AGAIN },
  { file: UID_COUNTS, mutator: 'BooleanLiteral', replacement: 'false', lineContains: 'return true;', equivalent: LAST_RECORD_AGAIN },
  { file: UID_COUNTS, mutator: 'StringLiteral', replacement: '"Stryker was here!"', lineContains: "let key = '';", equivalent: 'the same text begins every key, so two keys are equal exactly when their pairs are' },
  { file: UID_COUNTS, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'if (records.size >= RECORDS_KEPT) records.clear();', equivalent: RECORDS_ONLY_SHARE },
  { file: UID_COUNTS, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if (records.size >= RECORDS_KEPT) records.clear();', equivalent: RECORDS_ONLY_SHARE },
  { file: UID_COUNTS, mutator: 'EqualityOperator', replacement: 'records.size > RECORDS_KEPT', lineContains: 'if (records.size >= RECORDS_KEPT) records.clear();', equivalent: RECORDS_ONLY_SHARE },
  { file: UID_COUNTS, mutator: 'EqualityOperator', replacement: 'records.size < RECORDS_KEPT', lineContains: 'if (records.size >= RECORDS_KEPT) records.clear();', equivalent: RECORDS_ONLY_SHARE },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'return bits === was ? last! : lists.of(bits);', equivalent: 'the last view\'s list came from the same SharedByValue for the same bits, so the lookup gives that very list' },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "return v.chan === s.chan && v.step === s.step && (s.chan !== 'ppwait'", mutated: 'v.chan === s.chan', equivalent: ONE_STEP_ONE_SLEEP },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: "return v.chan === s.chan && v.step === s.step && (s.chan !== 'ppwait'", mutated: "s.chan !== 'ppwait' || (v as { child: number }).child === s.child.pid", equivalent: ONE_STEP_ONE_SLEEP },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'p.state === this.state && p.flag === this.flag && p.sigparent === this.sigparent', mutated: 'p.state === this.state', equivalent: 'a state changes only from NORMAL to ZOMBIE (no process is NEW between steps), in exit1Tail: in the exit1 call that set P_WEXIT (the flag differs) or, for a leader that slept in exit1 for its peers, in the call that ends that sleep (the sleep differs), so the view is rebuilt all the same' },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'p.state === this.state && p.flag === this.flag && p.sigparent === this.sigparent', mutated: 'p.sigparent === this.sigparent', equivalent: 'sigparent is set when the process is made (a new view) and only ever reset to SIGCHLD with another compared change: a reparent by the exiting parent (ppid), the hand-over to init of a child whose parent ignores children (that child becomes a zombie in the same call), or PT_DETACH (P_TRACED is cleared)' },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'p.xstat === v.xstat && (p.ksiQueuedAt?.pid ?? null) === v.ksiQueuedAt', mutated: 'p.leader.pid === v.leader', equivalent: 'p_leader is set when the process is made (fork, boot) and never written again' },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: '(p.pptr?.pid ?? 0) === v.ppid && p.oppid === v.oppid', mutated: 'p.pgrp.session.sid === v.sid', equivalent: 'a process changes session only with its group (a group belongs to one session), and setsid gives it a new group, pgid = pid, which it did not lead before (a group leader gets EPERM), so the pgid comparison fails whenever this one would' },
  { file: PROC_VIEW, mutator: 'ConditionalExpression', replacement: 'true', lineContains: 'p.ru === v.ru.utime && p.cru === v.cru.utime', mutated: 'p.cru === v.cru.utime', equivalent: 'cru grows only in the reap of a child (wait), which takes that child off the children list in the same call, so the children comparison fails whenever this one would' },
  { file: SESSION_VIEW, mutator: 'ConditionalExpression', replacement: 'false', lineContains: 'if ((s.leader?.pid ?? null) !== v.leader || s.ttyvp !== v.tty || foreground(s) !== v.fg)', mutated: 's.ttyvp !== v.tty', equivalent: 's_ttyvp is set only by setctty, which gives the session a fresh terminal whose foreground is the caller\'s group (fg null before, a pgid after), and cleared only at the leader\'s exit, which clears s_leader too (kern_exit.c:337-345), so another comparison fails whenever this one would' },
];
