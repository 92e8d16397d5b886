/*
 * Reading the puppets' channels: check-ins of new processes, replies of the caller, completions of
 * earlier sleepers.
 */
#define _GNU_SOURCE
#include "kernel.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int64_t now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

puppet *kernel_find(kernel *k, int nspid)
{
	for (int i = 0; i < k->n; i++)
		if (k->p[i].nspid == nspid && k->p[i].state != PUP_NEWBORN)
			return &k->p[i];
	return NULL;
}

puppet *kernel_add_newborn(kernel *k, int fd)
{
	puppet *p = &k->p[k->n++];
	memset(p, 0, sizeof *p);
	p->state = PUP_NEWBORN;
	p->fd = fd;
	p->pidfd = -1;
	p->late_step = -1;
	p->busy_step = -1;
	return p;
}

void outcome_complete(step_outcome *out, int issued_step, const observation *o)
{
	/* Insertion keeps completions ordered by the step that issued the call (docs: "Order"). */
	int i = out->ncompleted++;
	while (i > 0 && out->completed_step[i - 1] > issued_step) {
		out->completed[i] = out->completed[i - 1];
		out->completed_step[i] = out->completed_step[i - 1];
		i--;
	}
	out->completed[i] = *o;
	out->completed_step[i] = issued_step;
}

/* The observation of a busy puppet's call, without its outcome yet. */
static observation busy_observation(const puppet *p, obs_kind kind)
{
	observation o;
	memset(&o, 0, sizeof o);
	o.step = p->busy_step;
	o.pid = p->nspid;
	o.call = p->busy_call;
	o.kind = kind;
	return o;
}

void puppet_died(kernel *k, puppet *p, int index, step_outcome *out)
{
	if (p->state == PUP_BUSY) {
		observation o = busy_observation(p, OBS_NORETURN);
		if (p->busy_step == index) {
			out->caller = o;
			out->caller_done = true;
		} else {
			outcome_complete(out, p->busy_step, &o);
		}
	}
	p->state = PUP_EXITED;
	if (p->nspid == 1 && !k->dead_why[0]) {
		snprintf(k->dead_why, sizeof k->dead_why, "the namespace init (pid 1) exited: Linux killed every process of the namespace");
		snprintf(out->panic, sizeof out->panic, "%s", k->dead_why);
	}
}

static int on_reply(kernel *k, puppet *p, const wire_msg *m, int index, step_outcome *out, char *err, size_t errlen)
{
	(void)k;
	if (p->late_step >= 0 && m->step == p->late_step) {
		/* The reply to a result inferred earlier (the caller stopped before it could answer). */
		p->late_step = -1;
		if (m->err != 0 || m->ret != 0) {
			snprintf(err, errlen, "pid %d's step %d was inferred to return 0 but returned %lld (errno %d)", p->nspid, m->step, (long long)m->ret, m->err);
			return -1;
		}
		return 0;
	}
	if (p->state != PUP_BUSY || m->step != p->busy_step) {
		snprintf(err, errlen, "pid %d replied to step %d, which it was not running", p->nspid, m->step);
		return -1;
	}
	observation o = busy_observation(p, OBS_RETURN);
	o.has_ret = m->err == 0;
	o.ret = m->ret;
	o.err = m->err;
	o.has_status = m->status_written;
	o.status = m->status;
	o.has_rusage = m->rusage_written;
	o.utime_us = m->utime_us;
	o.has_sigs = p->busy_op == OP_SIGPENDING && m->err == 0;
	o.sigs = m->sigs;
	if (p->busy_op == OP_EXIT)
		o.has_ret = false;
	if (p->busy_op == OP_THR_NEW && m->err == 0) {
		/* Listed once here, not every sweep: settle watches these while the leader is stopped. */
		int n = list_other_tasks(p->gpid, p->threads, MAX_WATCHED_THREADS);
		p->nthreads = n < 0 ? 0 : n;
	}
	if (m->step == index) {
		out->caller = o;
		out->caller_done = true;
	} else {
		outcome_complete(out, p->busy_step, &o);
	}
	p->state = PUP_IDLE;
	return 0;
}

static int on_hello(kernel *k, puppet *p, const wire_msg *m, pid_t sender, char *err, size_t errlen)
{
	if (p->state != PUP_NEWBORN || sender <= 0) {
		snprintf(err, errlen, "an unexpected check-in from pid %d", m->pid);
		return -1;
	}
	if (kernel_find(k, m->pid)) {
		snprintf(err, errlen, "pid %d checked in twice", m->pid);
		return -1;
	}
	p->nspid = m->pid;
	p->gpid = sender;
	/* Taken while the process is known alive and idle, so the pidfd names this very process. */
	p->pidfd = (int)syscall(SYS_pidfd_open, sender, 0);
	/* gVisor has no pidfds; there pids are not reused within an interleaving's few hundred forks. */
	if (p->pidfd < 0 && !(errno == ENOSYS && probe_blind)) {
		snprintf(err, errlen, "pidfd_open(%d): %s", (int)sender, strerror(errno));
		return -1;
	}
	p->state = PUP_IDLE;
	return 0;
}

static int on_entering(puppet *p, const wire_msg *m, char *err, size_t errlen)
{
	if (p->state != PUP_BUSY || m->step != p->busy_step) {
		snprintf(err, errlen, "pid %d announced a sleep in step %d, which it was not running", p->nspid, m->step);
		return -1;
	}
	p->busy_entered = true;
	return 0;
}

int channel_drain(kernel *k, int index, step_outcome *out, char *err, size_t errlen)
{
	struct pollfd pf[MAX_PUPPETS];
	int who[MAX_PUPPETS], n = 0, handled = 0;
	for (int i = 0; i < k->n; i++)
		if (k->p[i].fd >= 0) {
			pf[n] = (struct pollfd){ .fd = k->p[i].fd, .events = POLLIN };
			who[n++] = i;
		}
	if (n == 0 || poll(pf, (nfds_t)n, 0) <= 0)
		return 0;
	for (int j = 0; j < n; j++) {
		if (!pf[j].revents)
			continue;
		puppet *p = &k->p[who[j]];
		/* Several records may be queued: read until the socket is empty. */
		for (;;) {
			struct pollfd one = { .fd = p->fd, .events = POLLIN };
			if (poll(&one, 1, 0) <= 0 || !(one.revents & (POLLIN | POLLHUP | POLLERR)))
				break;
			wire_msg m;
			pid_t sender;
			ssize_t got = wire_recv(p->fd, &m, sizeof m, NULL, &sender);
			handled++;
			if (got <= 0) {
				/* End of file: every holder of the puppet's end is gone (it exited, or a fork failed). */
				close(p->fd);
				p->fd = -1;
				if (p->state == PUP_NEWBORN)
					p->reaped = true;
				break;
			}
			int r = m.type == MSG_HELLO      ? on_hello(k, p, &m, sender, err, errlen)
			        : m.type == MSG_ENTERING ? on_entering(p, &m, err, errlen)
			                                 : on_reply(k, p, &m, index, out, err, errlen);
			if (r < 0)
				return -1;
		}
	}
	return handled;
}
