#define _GNU_SOURCE
#include "puppet.h"
#include "probe.h"
#include "wire.h"

#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

char puppet_exe[4096];
long puppet_tick_us = 1000;

extern char **environ;

/* A status no Linux wait can produce (statuses are 16 bits), to tell "written" from "untouched". */
#define STATUS_SENTINEL 0x5a5a5a5a
#define RUSAGE_FILL 0xab
/*
 * CPU time in microseconds as the protocol's `utime`: ru_utime + ru_stime. Linux measures the sum
 * exactly but splits it between user and system by sampling at the timer tick (CONFIG_HZ=250 here;
 * cputime_adjust), so a burn of a few milliseconds can land wholly in either half.
 */
static int64_t cpu_us(const struct rusage *ru)
{
	return (int64_t)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000000 + ru->ru_utime.tv_usec + ru->ru_stime.tv_usec;
}

/*
 * The CPU time this process spent becoming a puppet (its exec and the loader, and for init the
 * namespace set-up), which the model's process never spent: RUSAGE_SELF answers leave it out.
 * Keyed by pid, because a vfork child runs in this memory; a child (fork or vfork) starts from 0.
 */
static pid_t startup_pid;
static int64_t startup_us;

static int64_t self_cpu_us(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return cpu_us(&ru);
}

/* This process's CPU time as the model counts it: less its start-up. */
static int64_t model_self_us(int64_t kernel_us)
{
	int64_t us = kernel_us - (getpid() == startup_pid ? startup_us : 0);
	return us > 0 ? us : 0;
}

/* Below mmap_min_addr, so never mapped: copyout to it faults (UserPtr 'fault'). */
#define FAULT_ADDR ((void *)4096)
#define CHILD_STACK (256 * 1024)

static void block_all(void)
{
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
}

static void send_or_die(const wire_msg *m)
{
	/* A channel that cannot be written means the orchestrator is gone: nothing left to serve. */
	if (wire_send(PUPPET_FD, m, sizeof *m, -1) < 0)
		_exit(0);
}

static void reply(int step, int64_t ret, int err)
{
	wire_msg m = { .type = MSG_REPLY, .step = step, .ret = ret, .err = err };
	send_or_die(&m);
}

/* Where /proc cannot tell which call a process sleeps in, say so before sleeping (wire.h). */
static void announce_sleep(int step)
{
	if (!probe_blind)
		return;
	wire_msg m = { .type = MSG_ENTERING, .step = step };
	send_or_die(&m);
}

static void hello(void)
{
	wire_msg m = { .type = MSG_HELLO, .step = -1, .pid = getpid() };
	send_or_die(&m);
}

static void on_signal(int sig)
{
	(void)sig;
}

static void on_siginfo(int sig, siginfo_t *info, void *uc)
{
	(void)sig, (void)info, (void)uc;
}

static __attribute__((noreturn)) void serve(sigset_t model);

/* A new child takes over its channel on PUPPET_FD (dropping the inherited parent channel). */
static void adopt_channel(int newfd)
{
	dup2(newfd, PUPPET_FD);
	close(newfd);
	prctl(PR_SET_NAME, PUPPET_COMM);
	hello();
}

struct vfork_arg {
	int newfd;
	sigset_t model;
};

static int vfork_child(void *arg)
{
	/* Runs on its own stack in the parent's memory: copy what it needs before the first call. */
	struct vfork_arg a = *(struct vfork_arg *)arg;
	adopt_channel(a.newfd);
	serve(a.model);
}

static int thread_main(void *arg)
{
	(void)arg;
	/* An extra thread only exists (thr_new); all signals stay blocked here, so they go to the leader. */
	for (;;)
		pause();
	return 0;
}

static int64_t do_fork(int newfd, int *err)
{
	pid_t p = fork();
	if (p == 0) {
		adopt_channel(newfd);
		return -2; /* back to the loop as the child */
	}
	*err = p < 0 ? errno : 0;
	close(newfd);
	return p;
}

static int64_t do_vfork(int newfd, const sigset_t *model, int step, int *err)
{
	void *stack = mmap(NULL, CHILD_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED) {
		*err = errno;
		close(newfd);
		return -1;
	}
	struct vfork_arg a = { .newfd = newfd, .model = *model };
	/* vfork proper: the caller sleeps until the child execs or exits (CLONE_VFORK), sharing memory. */
	announce_sleep(step);
	pid_t p = clone(vfork_child, (char *)stack + CHILD_STACK, CLONE_VM | CLONE_VFORK | SIGCHLD, &a);
	*err = p < 0 ? errno : 0;
	close(newfd);
	munmap(stack, CHILD_STACK);
	return p;
}

/*
 * rfork mapped onto clone (request.c decides which flag sets have a Linux counterpart). Without
 * RFMEM the child runs on a copy of the caller's stack, as after fork; with it (only together with
 * RFPPWAIT) it gets its own stack, as for vfork.
 */
static int64_t do_rfork(const wire_cmd *c, int newfd, const sigset_t *model, int *err)
{
	int flags = (int)c->a[0] | (int)c->a[1];
	if (flags & CLONE_VFORK)
		announce_sleep(c->step);
	if (c->a[2]) {
		void *stack = mmap(NULL, CHILD_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
		if (stack == MAP_FAILED) {
			*err = errno;
			close(newfd);
			return -1;
		}
		struct vfork_arg a = { .newfd = newfd, .model = *model };
		pid_t p = clone(vfork_child, (char *)stack + CHILD_STACK, flags, &a);
		*err = p < 0 ? errno : 0;
		close(newfd);
		munmap(stack, CHILD_STACK);
		return p;
	}
	long p = syscall(SYS_clone, (unsigned long)flags, NULL, NULL, NULL, 0UL);
	if (p == 0) {
		adopt_channel(newfd);
		return -2;
	}
	*err = p < 0 ? errno : 0;
	close(newfd);
	return p;
}

static int64_t do_thr_new(int *err)
{
	void *stack = mmap(NULL, CHILD_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED) {
		*err = errno;
		return -1;
	}
	int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM;
	pid_t t = clone(thread_main, (char *)stack + CHILD_STACK, flags, NULL);
	*err = t < 0 ? errno : 0;
	if (t < 0)
		munmap(stack, CHILD_STACK); /* no thread runs on it */
	return t < 0 ? -1 : 0;
}

static void do_wait4(const wire_cmd *c, const sigset_t *model)
{
	int status = STATUS_SENTINEL;
	struct rusage ru;
	memset(&ru, RUSAGE_FILL, sizeof ru);
	int *sp = c->a[2] == PTR_VALID ? &status : c->a[2] == PTR_NULL ? NULL : FAULT_ADDR;
	struct rusage *rp = c->a[3] == PTR_VALID ? &ru : c->a[3] == PTR_NULL ? NULL : FAULT_ADDR;
	/* The one command that may sleep: the model's mask is in effect, so signals interrupt it. */
	announce_sleep(c->step);
	sigprocmask(SIG_SETMASK, model, NULL);
	pid_t r = wait4((pid_t)c->a[0], sp, (int)c->a[1], rp);
	int err = r < 0 ? errno : 0;
	block_all();
	wire_msg m = { .type = MSG_REPLY, .step = c->step, .ret = r, .err = err };
	m.status_written = sp == &status && status != STATUS_SENTINEL;
	m.status = status;
	struct rusage untouched;
	memset(&untouched, RUSAGE_FILL, sizeof untouched);
	m.rusage_written = rp == &ru && memcmp(&ru, &untouched, sizeof ru) != 0;
	m.utime_us = cpu_us(&ru);
	send_or_die(&m);
}

static int64_t do_sigaction(const wire_cmd *c, int *err)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_flags = (int)c->a[2];
	if (c->a[1] == H_CATCH && (sa.sa_flags & SA_SIGINFO))
		sa.sa_sigaction = on_siginfo;
	else
		sa.sa_handler = c->a[1] == H_DFL ? SIG_DFL : c->a[1] == H_IGN ? SIG_IGN : on_signal;
	sigemptyset(&sa.sa_mask);
	int r = sigaction((int)c->a[0], &sa, NULL);
	*err = r < 0 ? errno : 0;
	return r;
}

static int64_t do_sigprocmask(const wire_cmd *c, sigset_t *model)
{
	/*
	 * The new mask is computed here and installed when the loop next idles, after the reply: so a
	 * pending signal it unblocks acts after the call returned. The three `how` values cannot fail.
	 */
	for (int sig = 1; sig <= 64; sig++) {
		if (!(((uint64_t)c->a[1] >> (sig - 1)) & 1)) {
			if (c->a[0] == SIG_SETMASK)
				sigdelset(model, sig);
			continue;
		}
		if (c->a[0] == SIG_UNBLOCK)
			sigdelset(model, sig);
		else
			sigaddset(model, sig);
	}
	sigdelset(model, SIGKILL);
	sigdelset(model, SIGSTOP);
	return 0;
}

static int64_t do_ptrace(const wire_cmd *c, int *err)
{
	errno = 0;
	long r = ptrace((enum __ptrace_request)c->a[0], (pid_t)c->a[1], (void *)1, (void *)(intptr_t)c->a[2]);
	*err = r < 0 ? errno : 0;
	return r;
}

static void do_execve(const wire_cmd *c, const sigset_t *model)
{
	char mask[32], step[16], used[24];
	uint64_t bits = 0;
	for (int sig = 1; sig <= 64; sig++)
		if (sigismember(model, sig) == 1)
			bits |= (uint64_t)1 << (sig - 1);
	snprintf(mask, sizeof mask, "%llx", (unsigned long long)bits);
	snprintf(step, sizeof step, "%d", c->step);
	snprintf(used, sizeof used, "%lld", (long long)model_self_us(self_cpu_us()));
	char *argv[] = { "rc-puppet", "--puppet", mask, step, used, NULL };
	execve(puppet_exe, argv, environ);
	reply(c->step, -1, errno);
}

static void burn(int64_t ticks)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
	int64_t want = ticks * puppet_tick_us * 1000;
	volatile uint64_t sink = 0;
	do {
		for (int k = 0; k < 1000; k++)
			sink += (uint64_t)k * 2654435761u;
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	} while ((t.tv_sec - t0.tv_sec) * 1000000000LL + (t.tv_nsec - t0.tv_nsec) < want);
}

/* Runs one command with all signals blocked. Returns 1 when the caller is now a new child. */
static int execute(const wire_cmd *c, int newfd, sigset_t *model)
{
	int err = 0;
	int64_t r = 0;
	wire_msg m = { .type = MSG_REPLY, .step = c->step };
	struct rusage ru;
	sigset_t pend;
	switch ((wire_op)c->op) {
	case OP_FORK:
		r = do_fork(newfd, &err);
		if (r == -2)
			return 1;
		break;
	case OP_VFORK: r = do_vfork(newfd, model, c->step, &err); break;
	case OP_RFORK:
		r = do_rfork(c, newfd, model, &err);
		if (r == -2)
			return 1;
		break;
	case OP_THR_NEW: r = do_thr_new(&err); break;
	case OP_EXIT: _exit((int)c->a[0]);
	case OP_WAIT4: do_wait4(c, model); return 0;
	case OP_KILL: r = kill((pid_t)c->a[0], (int)c->a[1]); err = r < 0 ? errno : 0; break;
	case OP_SIGACTION: r = do_sigaction(c, &err); break;
	case OP_SIGPROCMASK: r = do_sigprocmask(c, model); break;
	case OP_PTRACE: r = do_ptrace(c, &err); break;
	case OP_SETPGID: r = setpgid((pid_t)c->a[0], (pid_t)c->a[1]); err = r < 0 ? errno : 0; break;
	case OP_SETSID: r = setsid(); err = r < 0 ? errno : 0; break;
	case OP_EXECVE: do_execve(c, model); return 0;
	case OP_SETUID: r = setuid((uid_t)c->a[0]); err = r < 0 ? errno : 0; break;
	case OP_RUN: burn(c->a[0]); break;
	case OP_GETPPID: r = getppid(); break;
	case OP_GETPGID: r = getpgid((pid_t)c->a[0]); err = r < 0 ? errno : 0; break;
	case OP_GETSID: r = getsid((pid_t)c->a[0]); err = r < 0 ? errno : 0; break;
	case OP_GETRUSAGE:
		r = getrusage((int)c->a[0], &ru);
		err = r < 0 ? errno : 0;
		m.rusage_written = r == 0;
		m.utime_us = c->a[0] == RUSAGE_SELF ? model_self_us(cpu_us(&ru)) : cpu_us(&ru);
		break;
	case OP_SIGPENDING:
		r = sigpending(&pend);
		err = r < 0 ? errno : 0;
		for (int sig = 1; sig <= 64; sig++)
			if (sigismember(&pend, sig) == 1)
				m.sigs |= (uint64_t)1 << (sig - 1);
		break;
	default: r = -1; err = ENOSYS; break;
	}
	m.ret = r;
	m.err = err;
	send_or_die(&m);
	return 0;
}

static __attribute__((noreturn)) void serve(sigset_t model)
{
	for (;;) {
		sigprocmask(SIG_SETMASK, &model, NULL);
		wire_cmd c;
		int newfd;
		if (wire_recv(PUPPET_FD, &c, sizeof c, &newfd, NULL) <= 0)
			_exit(0);
		block_all();
		execute(&c, newfd, &model);
	}
}

void puppet_main(int ack_step, const sigset_t *model_mask, int64_t model_us)
{
	startup_pid = getpid();
	startup_us = self_cpu_us() - model_us;
	block_all();
	prctl(PR_SET_NAME, PUPPET_COMM);
	if (ack_step >= 0)
		reply(ack_step, 0, 0);
	else
		hello();
	serve(*model_mask);
}
