#define _GNU_SOURCE
#include "request.h"
#include "names.h"

#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

/* Linux refuses pid_max below RESERVED_PIDS + 1 and above PID_MAX_LIMIT (x86-64). */
#define LINUX_PID_MAX_MIN 301
#define LINUX_PID_MAX_LIMIT 4194304

typedef struct {
	const char *name;
	wire_op op; /* 0: not supported on Linux by this harness */
	const char *why;
} call_entry;

static const call_entry CALLS[] = {
	{ "fork", OP_FORK, NULL },
	{ "vfork", OP_VFORK, NULL },
	{ "rfork", OP_RFORK, NULL },
	{ "thr_new", OP_THR_NEW, NULL },
	{ "exit", OP_EXIT, NULL },
	{ "abort2", 0, "abort2 does not exist on Linux" },
	{ "wait4", OP_WAIT4, NULL },
	{ "owait", 0, "owait does not exist on Linux" },
	{ "kill", OP_KILL, NULL },
	{ "sigaction", OP_SIGACTION, NULL },
	{ "sigprocmask", OP_SIGPROCMASK, NULL },
	{ "ptrace", OP_PTRACE, NULL },
	{ "setpgid", OP_SETPGID, NULL },
	{ "setsid", OP_SETSID, NULL },
	{ "setctty", 0, "setctty needs a terminal, which this harness does not give its puppets" },
	{ "tcsetpgrp", 0, "tcsetpgrp needs a terminal, which this harness does not give its puppets" },
	{ "execve", OP_EXECVE, NULL },
	{ "setuid", OP_SETUID, NULL },
	{ "run", OP_RUN, NULL },
	{ "getppid", OP_GETPPID, NULL },
	{ "getpgid", OP_GETPGID, NULL },
	{ "getsid", OP_GETSID, NULL },
	{ "getrusage", OP_GETRUSAGE, NULL },
	{ "sigpending", OP_SIGPENDING, NULL },
	{ NULL, 0, NULL },
};

static res_kind bad(char *err, size_t errlen, res_kind kind, const char *fmt, const char *a, const char *b)
{
	snprintf(err, errlen, fmt, a, b);
	return kind;
}

static res_kind get_int(const jvalue *obj, const char *key, int64_t lo, int64_t hi, int64_t *out, char *err, size_t errlen)
{
	const jvalue *v = json_get(obj, key);
	if (!v || v->type != J_INT)
		return bad(err, errlen, RES_REJECTED, "step.%s: expected an integer%s", key, "");
	if (v->i < lo || v->i > hi) {
		snprintf(err, errlen, "step.%s: %lld is out of range", key, (long long)v->i);
		return RES_REJECTED;
	}
	*out = v->i;
	return RES_OK;
}

static res_kind get_name(const jvalue *obj, const char *key, const jvalue **out, char *err, size_t errlen)
{
	const jvalue *v = json_get(obj, key);
	if (!v || v->type != J_STRING)
		return bad(err, errlen, RES_REJECTED, "step.%s: expected a string%s", key, "");
	*out = v;
	return RES_OK;
}

/* A Sig: a signal name (which must exist on Linux) or a raw number passed through unchanged. */
static res_kind get_sig(const jvalue *obj, const char *key, int64_t *out, char *err, size_t errlen)
{
	const jvalue *v = json_get(obj, key);
	if (v && v->type == J_INT)
		return get_int(obj, key, INT32_MIN, INT32_MAX, out, err, errlen);
	if (!v || v->type != J_STRING)
		return bad(err, errlen, RES_REJECTED, "step.%s: expected a signal name or number%s", key, "");
	int found;
	int64_t n = name_lookup(SIGNALS, v->s, &found);
	if (!found)
		return bad(err, errlen, RES_REJECTED, "step.%s: unknown signal %s", key, v->s);
	if (n < 0)
		return bad(err, errlen, RES_UNSUPPORTED, "step.%s: %s does not exist on Linux", key, v->s);
	*out = n;
	return RES_OK;
}

/* A list of names OR-ed into bits through a table; bit = value, or 1 << (value - 1) for signals. */
static res_kind get_bits(const jvalue *obj, const char *key, const name_value *table, bool signals, int64_t *out, char *err, size_t errlen)
{
	const jvalue *v = json_get(obj, key);
	if (!v || v->type != J_ARRAY)
		return bad(err, errlen, RES_REJECTED, "step.%s: expected a list of names%s", key, "");
	uint64_t bits = 0;
	for (const jvalue *e = v->child; e; e = e->next) {
		int found;
		if (e->type != J_STRING)
			return bad(err, errlen, RES_REJECTED, "step.%s: expected a list of names%s", key, "");
		int64_t n = name_lookup(table, e->s, &found);
		if (!found)
			return bad(err, errlen, RES_REJECTED, "step.%s: unknown name %s", key, e->s);
		if (n < 0)
			return bad(err, errlen, RES_UNSUPPORTED, "step.%s: %s does not exist on Linux", key, e->s);
		bits |= signals ? (uint64_t)1 << (n - 1) : (uint64_t)n;
	}
	*out = (int64_t)bits;
	return RES_OK;
}

static res_kind get_choice(const jvalue *obj, const char *key, const char *const *choices, int64_t *out, char *err, size_t errlen)
{
	const jvalue *v;
	res_kind r = get_name(obj, key, &v, err, errlen);
	if (r != RES_OK)
		return r;
	for (int i = 0; choices[i]; i++)
		if (strcmp(choices[i], v->s) == 0) {
			*out = i;
			return RES_OK;
		}
	return bad(err, errlen, RES_REJECTED, "step.%s: unknown value %s", key, v->s);
}

static const char *const USER_PTRS[] = { "valid", "null", "fault", NULL };
static const char *const HANDLERS[] = { "SIG_DFL", "SIG_IGN", "catch", NULL };
static const char *const HOWS[] = { "SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK", NULL };
static const char *const WHOS[] = { "RUSAGE_SELF", "RUSAGE_CHILDREN", NULL };

/*
 * rfork flags onto clone flags. Only sets with a Linux counterpart are taken: RFPROC with RFFDG (a
 * copied descriptor table; sharing it would share the puppets' channel), optionally RFPPWAIT
 * (CLONE_VFORK), RFLINUXTHPN (exit signal SIGUSR1), RFMEM with RFPPWAIT (CLONE_VM, as vfork) and
 * RFSIGSHARE with RFMEM (CLONE_SIGHAND). RFNAMEG, RFENVG, RFNOTEG, RFCNAMEG and RFCENVG have no
 * effect on processes and are ignored. Everything else is unsupported: RFTHREAD peers, RFNOWAIT
 * (Linux cannot give a child to init), RFSTOPPED, RFHIGHPID, RFCFDG, and rfork without RFPROC.
 */
static res_kind parse_rfork(const jvalue *s, wire_cmd *c, char *err, size_t errlen)
{
	static const char *const IGNORED[] = { "RFNAMEG", "RFENVG", "RFNOTEG", "RFCNAMEG", "RFCENVG", NULL };
	const jvalue *v = json_get(s, "flags");
	if (!v || v->type != J_ARRAY)
		return bad(err, errlen, RES_REJECTED, "step.flags: expected a list of rfork flags%s%s", "", "");
	bool proc = false, fdg = false, ppwait = false, thpn = false, mem = false, sigshare = false;
	for (const jvalue *e = v->child; e; e = e->next) {
		if (e->type != J_STRING)
			return bad(err, errlen, RES_REJECTED, "step.flags: expected a list of rfork flags%s%s", "", "");
		bool ignored = false;
		for (int i = 0; IGNORED[i]; i++)
			ignored |= strcmp(IGNORED[i], e->s) == 0;
		if (ignored)
			continue;
		if (strcmp(e->s, "RFPROC") == 0) proc = true;
		else if (strcmp(e->s, "RFFDG") == 0) fdg = true;
		else if (strcmp(e->s, "RFPPWAIT") == 0) ppwait = true;
		else if (strcmp(e->s, "RFLINUXTHPN") == 0) thpn = true;
		else if (strcmp(e->s, "RFMEM") == 0) mem = true;
		else if (strcmp(e->s, "RFSIGSHARE") == 0) sigshare = true;
		else
			return bad(err, errlen, RES_UNSUPPORTED, "step.flags: rfork %s has no Linux counterpart in this harness%s", e->s, "");
	}
	if (!proc || !fdg)
		return bad(err, errlen, RES_UNSUPPORTED, "step.flags: only rfork with RFPROC and RFFDG maps onto Linux clone%s%s", "", "");
	if ((mem && !ppwait) || (sigshare && !mem))
		return bad(err, errlen, RES_UNSUPPORTED, "step.flags: RFMEM is taken only with RFPPWAIT, RFSIGSHARE only with RFMEM%s%s", "", "");
	c->a[0] = (ppwait ? CLONE_VFORK : 0) | (mem ? CLONE_VM : 0) | (sigshare ? CLONE_SIGHAND : 0);
	c->a[1] = thpn ? SIGUSR1 : SIGCHLD;
	c->a[2] = mem;
	return RES_OK;
}

/* The per-call arguments into cmd->a. */
static res_kind parse_args(const jvalue *s, wire_cmd *c, char *err, size_t errlen)
{
	res_kind r = RES_OK;
	int64_t *a = c->a, extra = 0;
	const jvalue *req;
	int found;
	switch ((wire_op)c->op) {
	case OP_RFORK:
		return parse_rfork(s, c, err, errlen);
	case OP_EXIT:
		return get_int(s, "code", INT32_MIN, INT32_MAX, &a[0], err, errlen);
	case OP_WAIT4:
		if ((r = get_int(s, "wpid", INT32_MIN, INT32_MAX, &a[0], err, errlen)) ||
		    (r = get_bits(s, "options", WAIT_OPTIONS, false, &a[1], err, errlen)) ||
		    (r = get_choice(s, "status", USER_PTRS, &a[2], err, errlen)) ||
		    (r = get_choice(s, "rusage", USER_PTRS, &a[3], err, errlen)))
			return r;
		if (json_get(s, "extraBits") && (r = get_int(s, "extraBits", INT32_MIN, UINT32_MAX, &extra, err, errlen)))
			return r;
		a[1] = (int64_t)(int32_t)(uint32_t)((uint64_t)a[1] | (uint64_t)extra);
		return RES_OK;
	case OP_KILL:
		if ((r = get_int(s, "target", INT32_MIN, INT32_MAX, &a[0], err, errlen)))
			return r;
		return get_sig(s, "sig", &a[1], err, errlen);
	case OP_SIGACTION:
		if ((r = get_sig(s, "sig", &a[0], err, errlen)) || (r = get_choice(s, "handler", HANDLERS, &a[1], err, errlen)))
			return r;
		return get_bits(s, "flags", SA_FLAGS, false, &a[2], err, errlen);
	case OP_SIGPROCMASK: {
		int64_t how;
		if ((r = get_choice(s, "how", HOWS, &how, err, errlen)))
			return r;
		a[0] = how == 0 ? SIG_BLOCK : how == 1 ? SIG_UNBLOCK : SIG_SETMASK;
		return get_bits(s, "sigs", SIGNALS, true, &a[1], err, errlen);
	}
	case OP_PTRACE:
		if ((r = get_name(s, "req", &req, err, errlen)))
			return r;
		a[0] = name_lookup(PTRACE_REQUESTS, req->s, &found);
		if (!found)
			return bad(err, errlen, RES_REJECTED, "step.req: unknown ptrace request %s%s", req->s, "");
		if ((r = get_int(s, "target", INT32_MIN, INT32_MAX, &a[1], err, errlen)))
			return r;
		return get_sig(s, "data", &a[2], err, errlen);
	case OP_SETPGID:
		if ((r = get_int(s, "target", INT32_MIN, INT32_MAX, &a[0], err, errlen)))
			return r;
		return get_int(s, "pgid", INT32_MIN, INT32_MAX, &a[1], err, errlen);
	case OP_GETPGID:
	case OP_GETSID:
		return get_int(s, "target", INT32_MIN, INT32_MAX, &a[0], err, errlen);
	case OP_SETUID:
		return get_int(s, "uid", 0, UINT32_MAX, &a[0], err, errlen);
	case OP_RUN:
		/* Capped so one burn cannot outlast a step's time budget by itself. */
		return get_int(s, "ticks", 0, 1000, &a[0], err, errlen);
	case OP_GETRUSAGE: {
		int64_t who;
		if ((r = get_choice(s, "who", WHOS, &who, err, errlen)))
			return r;
		a[0] = who == 0 ? RUSAGE_SELF : RUSAGE_CHILDREN;
		return RES_OK;
	}
	default:
		return RES_OK;
	}
}

res_kind parse_step(const jvalue *s, step_request *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (!s || s->type != J_OBJECT)
		return bad(err, errlen, RES_REJECTED, "step: expected an object%s%s", "", "");
	const jvalue *call;
	int64_t pid;
	res_kind r;
	if ((r = get_name(s, "call", &call, err, errlen)) || (r = get_int(s, "pid", INT32_MIN, INT32_MAX, &pid, err, errlen)))
		return r;
	const call_entry *e = CALLS;
	while (e->name && strcmp(e->name, call->s) != 0)
		e++;
	if (!e->name)
		return bad(err, errlen, RES_REJECTED, "step.call: unknown call %s%s", call->s, "");
	if (!e->op)
		return bad(err, errlen, RES_UNSUPPORTED, "%s%s", e->why, "");
	out->pid = (int)pid;
	out->call = e->name;
	out->cmd.op = (int32_t)e->op;
	return parse_args(s, &out->cmd, err, errlen);
}

res_kind parse_config(const jvalue *c, ns_config *out, char *err, size_t errlen)
{
	/* pidFloor (Linux wraps to 300) and maxproc (global on Linux) cannot be set per namespace. */
	const jvalue *profile = json_get(c, "profile");
	const jvalue *pid_max = json_get(c, "pidMax");
	const jvalue *nproc = json_get(c, "nprocLimit");
	if (!c || c->type != J_OBJECT)
		return bad(err, errlen, RES_REJECTED, "config: expected an object%s%s", "", "");
	if (!profile || profile->type != J_STRING)
		return bad(err, errlen, RES_REJECTED, "config.profile: expected a string%s%s", "", "");
	/* The profile names what the runner compares against; the host is Linux whatever it says. */
	if (!pid_max || pid_max->type != J_INT || !nproc || nproc->type != J_INT)
		return bad(err, errlen, RES_REJECTED, "config: pidMax and nprocLimit must be integers%s%s", "", "");
	if (pid_max->i < LINUX_PID_MAX_MIN || pid_max->i > LINUX_PID_MAX_LIMIT) {
		snprintf(err, errlen, "config.pidMax: Linux accepts pid_max from %d to %d, not %lld", LINUX_PID_MAX_MIN, LINUX_PID_MAX_LIMIT, (long long)pid_max->i);
		return RES_UNSUPPORTED;
	}
	if (nproc->i < 1) {
		snprintf(err, errlen, "config.nprocLimit: %lld is out of range", (long long)nproc->i);
		return RES_REJECTED;
	}
	out->pid_max = pid_max->i;
	out->nproc_limit = nproc->i;
	return RES_OK;
}
