/*
 * The orchestrator's view of one interleaving's kernel: a pid namespace whose pid 1 is the init
 * puppet, and one entry per model process it has seen check in.
 */
#ifndef RC_KERNEL_H
#define RC_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "probe.h"
#include "wire.h"

/* Table size; the per-interleaving cap (REAPCHECK_HOST_MAX_PROCS) is at most this. */
#define MAX_PUPPETS 256
/* Extra threads (thr_new) of one puppet whose stops settle waits for; more than this are not watched. */
#define MAX_WATCHED_THREADS 16

typedef enum {
	PUP_NEWBORN, /* forked, its check-in not yet read */
	PUP_IDLE,    /* waiting for a command */
	PUP_BUSY,    /* a command outstanding: running, or asleep in wait4 / vfork */
	PUP_EXITED,  /* zombie or reaped */
} pup_state;

typedef struct {
	pup_state state;
	int nspid;       /* the model pid: the pid inside the namespace */
	pid_t gpid;      /* the same process in the orchestrator's namespace, for /proc */
	int fd;          /* the orchestrator's end of the channel, -1 once closed */
	int pidfd;       /* guards /proc reads against a reused gpid */
	bool reaped;
	int busy_step;
	wire_op busy_op;
	const char *busy_call;
	bool busy_slept;  /* its call was reported as 'sleep' */
	bool busy_ppwait; /* its call is a vfork-style fork: it sleeps in clone until the child execs or exits */
	bool busy_entered; /* it announced the sleeping call of busy_step (MSG_ENTERING; probe_blind only) */
	int late_step;    /* an inferred reply still to arrive for this step, or -1 */
	/* Its other threads (orchestrator's ids), listed after each thr_new; gone ones probe as absent. */
	pid_t threads[MAX_WATCHED_THREADS];
	int nthreads;
} puppet;

typedef enum { OBS_RETURN, OBS_SLEEP, OBS_NORETURN } obs_kind;

/* One Observation (interleaving/observation.ts), numbers still Linux numbers. */
typedef struct {
	int step, pid;
	const char *call;
	obs_kind kind;
	bool has_ret;
	int64_t ret;
	int err;
	bool has_status;
	int status;
	bool has_rusage;
	int64_t utime_us;
	bool has_sigs;
	uint64_t sigs;
} observation;

typedef struct {
	observation caller;
	bool caller_done;
	/* Completions of earlier sleepers, kept sorted by the step that issued them. */
	observation completed[MAX_PUPPETS];
	int completed_step[MAX_PUPPETS];
	int ncompleted;
	char panic[256];
} step_outcome;

/* Harness limits and timing, from the environment (docs/host-harness.md). */
typedef struct {
	int max_procs;
	long step_ms;
	long settle_us;
	long tick_us;
} limits;

typedef struct {
	int64_t pid_max;
	int64_t nproc_limit;
} ns_config;

typedef struct {
	bool up;
	char dead_why[256]; /* set: the kernel takes no further steps until reset */
	pid_t init_gpid;
	int alive_fd;       /* held open so the init can tell the orchestrator is still there */
	puppet p[MAX_PUPPETS];
	int n;
	limits lim;
} kernel;

/* What a step request becomes once parsed. */
typedef struct {
	int pid;
	const char *call;
	wire_cmd cmd;
} step_request;

typedef enum { RES_OK, RES_REJECTED, RES_UNSUPPORTED, RES_INTERNAL } res_kind;

res_kind kernel_reset(kernel *k, const ns_config *cfg, char *err, size_t errlen);
/* Kill the namespace (every puppet with it) and forget it. Safe to call when nothing runs. */
void kernel_stop(kernel *k);
res_kind kernel_step(kernel *k, int index, const step_request *req, step_outcome *out, char *err, size_t errlen);

/* Internals shared by the kernel's files. */
puppet *kernel_find(kernel *k, int nspid);
puppet *kernel_add_newborn(kernel *k, int fd);
/* Read every waiting message; returns the number handled, or -1 with err set. */
int channel_drain(kernel *k, int index, step_outcome *out, char *err, size_t errlen);
/* Wait until nothing in the namespace can change by itself (linux.md §2.3). */
res_kind settle(kernel *k, int index, step_outcome *out, char *err, size_t errlen);
/* Record that a puppet's outstanding call ended with it (it exited or was killed). */
void puppet_died(kernel *k, puppet *p, int index, step_outcome *out);
void outcome_complete(step_outcome *out, int issued_step, const observation *o);

int64_t now_us(void);

#endif
