/*
 * One pid namespace per interleaving. Its pid 1 is the init puppet; killing it makes Linux kill
 * everything else in the namespace (zap_pid_ns_processes), which is the whole of containment:
 * at reset, at bye, at end of input, and (PR_SET_PDEATHSIG) when the orchestrator itself dies.
 */
#define _GNU_SOURCE
#include "kernel.h"
#include "puppet.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define INIT_STACK (256 * 1024)
#define PID_MAX_FILE "/proc/sys/kernel/pid_max"
/* Linux's default pid_max: where it cannot be set, smaller configured values are refused. */
#define UNSETTABLE_PID_MAX_FLOOR 32768

struct init_arg {
	int channel;
	int alive_read;
	int alive_write;
	const ns_config *cfg;
};

static void write_file(const char *path, long long value)
{
	char buf[32];
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		_exit(120);
	int n = snprintf(buf, sizeof buf, "%lld\n", value);
	if (write(fd, buf, (size_t)n) != n)
		_exit(121);
	close(fd);
}

/* Runs as pid 1 of the new namespace, still in the orchestrator's image until it execs a puppet. */
static int init_main(void *argp)
{
	struct init_arg *a = argp;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	close(a->alive_write);
	/* The orchestrator may have died before PDEATHSIG was armed: then its end of the pipe is closed. */
	struct pollfd pf = { .fd = a->alive_read, .events = POLLIN };
	if (poll(&pf, 1, 0) != 0)
		_exit(1);
	for (int sig = 1; sig < 65; sig++)
		signal(sig, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* The model's init leads session 1 and process group 1; its children inherit both. */
	if (setsid() < 0)
		_exit(122);
	/* pid_max is per pid namespace since Linux 6.14; the host's value is untouched. */
	if (a->cfg->pid_max > 0)
		write_file(PID_MAX_FILE, a->cfg->pid_max);
	struct rlimit rl;
	getrlimit(RLIMIT_NPROC, &rl);
	rl.rlim_cur = (rlim_t)a->cfg->nproc_limit;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < rl.rlim_cur)
		rl.rlim_max = rl.rlim_cur;
	setrlimit(RLIMIT_NPROC, &rl);
	int null = open("/dev/null", O_RDWR);
	dup2(a->channel, PUPPET_FD);
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	syscall(SYS_close_range, PUPPET_FD + 1, ~0U, 0);
	char *argv[] = { "rc-puppet", "--puppet", "0", "-1", "0", NULL };
	extern char **environ;
	execve(puppet_exe, argv, environ);
	_exit(127);
}

void kernel_stop(kernel *k)
{
	if (k->init_gpid > 0) {
		kill(k->init_gpid, SIGKILL);
		/* Returns once the init is reaped, which Linux allows only after the namespace is empty. */
		while (waitpid(k->init_gpid, NULL, __WALL) < 0 && errno == EINTR)
			;
	}
	for (int i = 0; i < k->n; i++) {
		if (k->p[i].fd >= 0)
			close(k->p[i].fd);
		if (k->p[i].pidfd >= 0)
			close(k->p[i].pidfd);
	}
	if (k->alive_fd >= 0)
		close(k->alive_fd);
	limits lim = k->lim;
	memset(k, 0, sizeof *k);
	k->lim = lim;
	k->alive_fd = -1;
}

res_kind kernel_reset(kernel *k, const ns_config *given, char *err, size_t errlen)
{
	kernel_stop(k);
	ns_config applied = *given;
	const ns_config *cfg = &applied;
	if (access(PID_MAX_FILE, F_OK) != 0) {
		/* No pid_max to set (gVisor): its own fixed limit stands, so only a pidMax at least Linux's default is honest. */
		if (given->pid_max < UNSETTABLE_PID_MAX_FLOOR) {
			snprintf(err, errlen, "config.pidMax: this kernel has no %s, so pidMax %lld (below %d) cannot be applied", PID_MAX_FILE, (long long)given->pid_max, UNSETTABLE_PID_MAX_FLOOR);
			return RES_UNSUPPORTED;
		}
		applied.pid_max = 0;
	}
	int sv[2], alive[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0 || pipe2(alive, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "cannot create the init's channel: %s", strerror(errno));
		return RES_INTERNAL;
	}
	int on = 1;
	setsockopt(sv[0], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
	void *stack = mmap(NULL, INIT_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	struct init_arg a = { .channel = sv[1], .alive_read = alive[0], .alive_write = alive[1], .cfg = cfg };
	pid_t init = stack == MAP_FAILED ? -1 : clone(init_main, (char *)stack + INIT_STACK, CLONE_NEWPID | SIGCHLD, &a);
	int saved = errno;
	if (stack != MAP_FAILED)
		munmap(stack, INIT_STACK);
	close(sv[1]);
	close(alive[0]);
	if (init < 0) {
		close(sv[0]);
		close(alive[1]);
		snprintf(err, errlen, "cannot create a pid namespace: %s", strerror(saved));
		return RES_INTERNAL;
	}
	k->up = true;
	k->init_gpid = init;
	k->alive_fd = alive[1];
	kernel_add_newborn(k, sv[0]);
	step_outcome scratch;
	memset(&scratch, 0, sizeof scratch);
	res_kind r = settle(k, -1, &scratch, err, errlen);
	if (r == RES_OK && (k->n != 1 || k->p[0].state != PUP_IDLE || k->p[0].nspid != 1)) {
		int status = 0;
		waitpid(init, &status, WNOHANG | __WALL);
		snprintf(err, errlen, "the namespace init did not check in as pid 1 (wait status 0x%x)", status);
		r = RES_INTERNAL;
	}
	if (r != RES_OK)
		kernel_stop(k);
	return r;
}
