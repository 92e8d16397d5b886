/*
 * One model step: check the caller can take it, hand the command to its puppet, let the namespace
 * settle, then say what the caller's call did.
 */
#define _GNU_SOURCE
#include "kernel.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int live_processes(const kernel *k)
{
	int n = 0;
	for (int i = 0; i < k->n; i++)
		n += !k->p[i].reaped;
	return n;
}

static res_kind check_caller(kernel *k, const step_request *req, puppet **out, char *err, size_t errlen)
{
	if (!k->up) {
		snprintf(err, errlen, "no kernel: send reset first");
		return RES_REJECTED;
	}
	if (k->dead_why[0]) {
		snprintf(err, errlen, "no further steps: %s", k->dead_why);
		return RES_REJECTED;
	}
	puppet *p = kernel_find(k, req->pid);
	if (!p) {
		snprintf(err, errlen, "pid %d is not a process", req->pid);
		return RES_REJECTED;
	}
	if (p->state == PUP_EXITED) {
		snprintf(err, errlen, "pid %d has exited", req->pid);
		return RES_REJECTED;
	}
	if (p->state == PUP_BUSY) {
		snprintf(err, errlen, "pid %d is asleep in %s (step %d)", req->pid, p->busy_call, p->busy_step);
		return RES_REJECTED;
	}
	proc_probe s;
	if (probe_proc(p->gpid, &s) < 0 || s.state == 'Z') {
		snprintf(err, errlen, "pid %d has exited", req->pid);
		return RES_REJECTED;
	}
	if (s.state == 'T' || s.state == 't') {
		snprintf(err, errlen, "pid %d is stopped", req->pid);
		return RES_REJECTED;
	}
	*out = p;
	return RES_OK;
}

/* Whether any live or zombie puppet is p's child (by /proc PPid, in the orchestrator's namespace). */
static bool has_children(kernel *k, const puppet *p)
{
	for (int i = 0; i < k->n; i++) {
		proc_probe s;
		if (&k->p[i] != p && !k->p[i].reaped && k->p[i].state != PUP_NEWBORN && probe_proc(k->p[i].gpid, &s) == 0 && s.ppid == p->gpid)
			return true;
	}
	return false;
}

/* The caller's observation when it did not reply within the step. */
static res_kind classify_silent_caller(puppet *p, int index, step_outcome *out, char *err, size_t errlen)
{
	proc_probe s;
	memset(&s, 0, sizeof s);
	probe_proc(p->gpid, &s);
	observation *o = &out->caller;
	memset(o, 0, sizeof *o);
	o->step = index;
	o->pid = p->nspid;
	o->call = p->busy_call;
	bool sleeper = p->busy_op == OP_WAIT4 || p->busy_ppwait;
	if (sleeper) {
		o->kind = OBS_SLEEP;
		p->busy_slept = true;
		return RES_OK;
	}
	if ((s.state == 'T' || s.state == 't') && (p->busy_op == OP_KILL || p->busy_op == OP_EXECVE)) {
		/*
		 * Inferred reply: the caller stopped before it could answer, which only an unblockable
		 * SIGSTOP it sent itself (or a traced exec) does after the call succeeded. The real
		 * reply arrives when it resumes and is checked against this one (channel.c).
		 */
		o->kind = OBS_RETURN;
		o->has_ret = true;
		o->ret = 0;
		p->late_step = index;
		p->state = PUP_IDLE;
		return RES_OK;
	}
	snprintf(err, errlen, "pid %d neither answered %s nor slept in it (state %c)", p->nspid, p->busy_call, s.state);
	return RES_INTERNAL;
}

res_kind kernel_step(kernel *k, int index, const step_request *req, step_outcome *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	puppet *p;
	res_kind r = check_caller(k, req, &p, err, errlen);
	if (r != RES_OK)
		return r;
	if (req->cmd.op == OP_SETSID && probe_blind && has_children(k, p)) {
		/* gVisor's setsid never returns here, and the sandbox with it (docs/gvisor.md, G7). */
		snprintf(err, errlen, "gVisor deadlocks in setsid by a process with children in a nested pid namespace");
		return RES_UNSUPPORTED;
	}
	if (req->cmd.op == OP_RUN && req->cmd.a[0] * k->lim.tick_us > k->lim.step_ms * 500) {
		/* The hard time cap per step must hold even for the longest burn. */
		snprintf(err, errlen, "run %lld ticks of %ld us exceeds half the step budget of %ld ms", (long long)req->cmd.a[0], k->lim.tick_us, k->lim.step_ms);
		return RES_UNSUPPORTED;
	}
	int pass_fd = -1;
	bool forks = req->cmd.op == OP_FORK || req->cmd.op == OP_VFORK || req->cmd.op == OP_RFORK;
	if (forks) {
		if (live_processes(k) >= k->lim.max_procs || k->n >= MAX_PUPPETS) {
			snprintf(err, errlen, "the harness caps an interleaving at %d processes", k->lim.max_procs);
			return RES_UNSUPPORTED;
		}
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
			snprintf(err, errlen, "socketpair: %s", strerror(errno));
			return RES_INTERNAL;
		}
		int on = 1;
		setsockopt(sv[0], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
		kernel_add_newborn(k, sv[0]);
		pass_fd = sv[1];
	}
	wire_cmd cmd = req->cmd;
	cmd.step = index;
	p->state = PUP_BUSY;
	p->busy_step = index;
	p->busy_op = (wire_op)cmd.op;
	p->busy_call = req->call;
	p->busy_slept = false;
	p->busy_entered = false;
	p->busy_ppwait = cmd.op == OP_VFORK || (cmd.op == OP_RFORK && (cmd.a[0] & CLONE_VFORK));
	int sent = wire_send(p->fd, &cmd, sizeof cmd, pass_fd);
	if (pass_fd >= 0)
		close(pass_fd);
	if (sent < 0) {
		snprintf(err, errlen, "cannot reach pid %d: %s", p->nspid, strerror(errno));
		return RES_INTERNAL;
	}
	r = settle(k, index, out, err, errlen);
	if (r != RES_OK)
		return r;
	if (!out->caller_done)
		return classify_silent_caller(p, index, out, err, errlen);
	return RES_OK;
}
