/*
 * The quiescence rule (linux.md §2.3). A step is over when every puppet is in a state from which
 * nothing happens by itself, and two sweeps in a row saw exactly the same thing:
 *   - idle in recvmsg on its channel, or asleep in the call it was told to make (wait4; clone for
 *     vfork), with no unblocked signal pending;
 *   - stopped (T, t), or a zombie with no threads left, or reaped.
 * Each sweep also records the context-switch counts, so a process that ran at all between the two
 * sweeps, however briefly, makes them differ; and Linux answers /proc/PID/syscall only for a task
 * that is off its CPU, so a task that already shows T but is still notifying its parent is seen as
 * running. The two sweeps therefore need no long window between them: the orchestrator
 * polls with a back-off until the namespace looks quiet, then confirms after a short gap.
 */
#define _GNU_SOURCE
#include "kernel.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NR_RECVMSG 47
#define NR_WAIT4 61
#define NR_CLONE 56
#define NR_CLONE3 435
#define SIGKILL_BIT (1ULL << (SIGKILL - 1))
/* Windows of unchanged sweeps that count as quiet where /proc shows less (probe_blind). */
#define BLIND_CONFIRMATIONS 3
/*
 * Native Linux: the first poll after a command, doubled while the namespace is busy up to the
 * settle window; and the gap before the confirming sweep, longer than the few microseconds the
 * kernel spends between showing a task as exited and waking its parent (with interrupts off).
 */
#define FIRST_POLL_US 10
#define CONFIRM_GAP_US 20

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h * 0x100000001b3ULL;
}

static bool expected_sleep(const puppet *p, const proc_probe *s)
{
	if (s->syscall_nr == NR_UNKNOWN) {
		/* No /proc/PID/syscall: an idle puppet sleeps only in recvmsg; a busy one only where it said. */
		if (p->state == PUP_IDLE)
			return true;
		return p->busy_entered && (p->busy_op == OP_WAIT4 || p->busy_ppwait);
	}
	if (p->state == PUP_IDLE)
		return s->syscall_nr == NR_RECVMSG && s->arg0 == PUPPET_FD;
	if (p->busy_op == OP_WAIT4)
		return s->syscall_nr == NR_WAIT4;
	if (p->busy_ppwait)
		return s->syscall_nr == NR_CLONE || s->syscall_nr == NR_CLONE3;
	return false;
}

/* Why a puppet is not quiescent, or NULL when it is. */
static const char *unsettled(const puppet *p, const proc_probe *s)
{
	switch (s->state) {
	case 'T':
	case 't':
		return s->syscall_nr == NR_RUNNING ? "stopping (still on a CPU)" : NULL;
	case 'Z':
		return s->threads <= 1 ? NULL : "a zombie whose threads are still exiting";
	case 'S':
	case 'D':
		if (!expected_sleep(p, s))
			return "inside a call it was not expected to sleep in";
		/* A vfork parent's wait (killable) lets only SIGKILL through; other signals wait for the child. */
		if (s->deliverable & (p->state == PUP_BUSY && p->busy_ppwait ? SIGKILL_BIT : ~0ULL))
			return "about to act on a pending signal";
		return NULL;
	default:
		return "running";
	}
}

#define NR_PAUSE 34

/*
 * A stopped leader's other threads (linux.md §2.3): a group stop is complete, and the parent told,
 * only when the last thread has stopped, so each must be stopped and off its CPU, or still asleep
 * in pause() where the stop did not reach it (a ptrace stop is the leader's alone). Read only while
 * the leader is stopped: never a dying thread (see probe_task). Fingerprints what it saw into *h.
 */
static const char *threads_unsettled(const puppet *p, const proc_probe *leader, uint64_t *h)
{
	if (leader->threads <= 1 || (leader->state != 'T' && leader->state != 't'))
		return NULL;
	const char *why = NULL;
	for (int i = 0; i < p->nthreads; i++) {
		proc_probe t;
		if (probe_task(p->gpid, p->threads[i], &t) < 0)
			continue; /* gone with an exec */
		*h = mix(*h, (uint64_t)(unsigned char)t.state << 32 | (uint64_t)(t.syscall_nr & 0xffff));
		*h = mix(*h, t.switches);
		bool stopped = (t.state == 'T' || t.state == 't') && t.syscall_nr != NR_RUNNING;
		bool paused = t.state == 'S' && (t.syscall_nr == NR_PAUSE || t.syscall_nr == NR_UNKNOWN);
		if (!stopped && !paused && !why)
			why = "a stopped process whose other thread is still on its way to the stop";
	}
	return why;
}

/* A probe is trusted only if the pidfd shows the process still existed after it was taken. */
static bool probe_trusted(const puppet *p, proc_probe *s)
{
	if (probe_proc(p->gpid, s) < 0)
		return false;
	if (p->pidfd < 0)
		return true; /* no pidfds (gVisor, channel.c) */
	return syscall(SYS_pidfd_send_signal, p->pidfd, 0, NULL, 0) == 0;
}

/*
 * One sweep over the table. Returns 1 when all are quiescent, 0 when not, -1 on a channel error;
 * *sig fingerprints what it saw.
 */
static int sweep(kernel *k, int index, step_outcome *out, uint64_t *sig, char *why, size_t whylen, char *err, size_t errlen)
{
	bool clean = true;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (int i = 0; i < k->n; i++) {
		puppet *p = &k->p[i];
		if (p->reaped)
			continue;
		if (p->state == PUP_NEWBORN) {
			clean = false;
			snprintf(why, whylen, "a new process has not checked in yet");
			continue;
		}
		proc_probe s;
		bool gone = !probe_trusted(p, &s);
		if ((gone || s.state == 'Z') && p->state != PUP_EXITED) {
			/*
			 * Its last reply, sent before it died, may still be queued: read it first, so a call
			 * that returned is not reported as noreturn. (End of file may come much later: a
			 * stopped vfork parent still holds the child's channel.)
			 */
			if (channel_drain(k, index, out, err, errlen) < 0)
				return -1;
			clean = false;
		}
		if (gone) {
			p->reaped = true;
			puppet_died(k, p, index, out);
			h = mix(h, (uint64_t)p->nspid << 8);
			continue;
		}
		if (s.state == 'Z' && p->state != PUP_EXITED)
			puppet_died(k, p, index, out);
		const char *u = unsettled(p, &s);
		if (!u)
			u = threads_unsettled(p, &s, &h);
		if (u) {
			clean = false;
			snprintf(why, whylen, "pid %d is %s (state %c, syscall %ld)", p->nspid, u, s.state, s.syscall_nr);
		}
		h = mix(h, (uint64_t)p->nspid << 8 | (uint64_t)(unsigned char)s.state);
		h = mix(h, (uint64_t)s.syscall_nr);
		h = mix(h, s.deliverable);
		h = mix(h, s.switches);
	}
	*sig = h;
	return clean ? 1 : 0;
}

/* Sleep up to us microseconds, or until a puppet's channel has something to read. */
static void wait_a_window(kernel *k, long us)
{
	struct pollfd pf[MAX_PUPPETS];
	int n = 0;
	for (int i = 0; i < k->n; i++)
		if (k->p[i].fd >= 0)
			pf[n++] = (struct pollfd){ .fd = k->p[i].fd, .events = POLLIN };
	struct timespec ts = { .tv_sec = us / 1000000, .tv_nsec = (us % 1000000) * 1000 };
	ppoll(pf, (nfds_t)n, &ts, NULL);
}

/* Short polls must not be stretched by the default 50 us timer slack. */
static void tighten_timer_slack(void)
{
	static bool done;
	if (!done)
		prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
	done = true;
}

res_kind settle(kernel *k, int index, step_outcome *out, char *err, size_t errlen)
{
	int64_t deadline = now_us() + k->lim.step_ms * 1000;
	uint64_t prev = 0;
	/*
	 * Equal sweeps in a row needed, and the gap before each confirming one: where /proc shows less
	 * (probe_blind), more of them, a whole settle window apart; on native Linux one, a short gap
	 * later. While anything moves, a back-off poll (a message on a channel ends it at once).
	 */
	int needed = probe_blind ? BLIND_CONFIRMATIONS : 1, same = 0;
	long confirm_us = probe_blind ? k->lim.settle_us : CONFIRM_GAP_US, poll_us = FIRST_POLL_US;
	char why[160] = "";
	tighten_timer_slack();
	for (;;) {
		/* The command just sent is still being acted on: a sweep at once would find it running. */
		wait_a_window(k, same > 0 ? confirm_us : poll_us);
		int handled = channel_drain(k, index, out, err, errlen);
		if (handled < 0)
			return RES_INTERNAL;
		uint64_t sig;
		int swept = sweep(k, index, out, &sig, why, sizeof why, err, errlen);
		if (swept < 0)
			return RES_INTERNAL;
		bool clean = swept == 1;
		/* A confirmation counts only if no message came in since the sweep before it. */
		same = !clean ? 0 : handled == 0 && same > 0 && sig == prev ? same + 1 : 1;
		if (same > needed)
			return RES_OK;
		prev = sig;
		if (now_us() > deadline) {
			snprintf(err, errlen, "the step did not settle within %ld ms: %s", k->lim.step_ms, clean ? "processes kept changing" : why);
			return RES_INTERNAL;
		}
		if (same == 0)
			poll_us = poll_us * 2 < k->lim.settle_us ? poll_us * 2 : k->lim.settle_us;
	}
}
