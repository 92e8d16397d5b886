/*
 * reapcheck-host: runs interleavings on this machine's Linux kernel (docs/host-harness.md).
 *   reapcheck-host                         the line-protocol server (the orchestrator)
 *   reapcheck-host --check                 exit 0 if tests can be contained here, else 2 with why
 *   reapcheck-host --puppet MASK STEP US   a puppet re-entering its loop after execve (internal)
 */
#define _GNU_SOURCE
#include "harness.h"
#include "probe.h"
#include "puppet.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* Exit code when the machine cannot contain a test (no pid namespaces): never run uncontained. */
#define EXIT_NO_CONTAINMENT 2
#define EXIT_USAGE 2

static long env_long(const char *name, long dflt, long lo, long hi)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return dflt;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || *end || n < lo || n > hi) {
		fprintf(stderr, "reapcheck-host: %s=%s: expected an integer from %ld to %ld\n", name, v, lo, hi);
		exit(EXIT_USAGE);
	}
	return n;
}

static int trivial(void *arg)
{
	(void)arg;
	return 0;
}

/* Can this process make pid namespaces? Tried once with a child that exits at once. */
static const char *namespaces_unavailable(void)
{
	static char why[160];
	size_t sz = 64 * 1024;
	void *stack = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED)
		return "cannot allocate a stack";
	pid_t p = clone(trivial, (char *)stack + sz, CLONE_NEWPID | SIGCHLD, NULL);
	int saved = errno;
	if (p > 0)
		waitpid(p, NULL, 0);
	munmap(stack, sz);
	if (p > 0)
		return NULL;
	snprintf(why, sizeof why, "cannot create a pid namespace (%s); it needs root or CAP_SYS_ADMIN", strerror(saved));
	return why;
}

static int puppet_entry(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "reapcheck-host: --puppet is internal to the harness\n");
		return EXIT_USAGE;
	}
	unsigned long long bits = strtoull(argv[2], NULL, 16);
	sigset_t mask;
	sigemptyset(&mask);
	for (int sig = 1; sig <= 64; sig++)
		if ((bits >> (sig - 1)) & 1)
			sigaddset(&mask, sig);
	puppet_main(atoi(argv[3]), &mask, strtoll(argv[4], NULL, 10));
}

int main(int argc, char **argv)
{
	ssize_t n = readlink("/proc/self/exe", puppet_exe, sizeof puppet_exe - 1);
	if (n <= 0) {
		fprintf(stderr, "reapcheck-host: cannot find its own executable: %s\n", strerror(errno));
		return EXIT_USAGE;
	}
	puppet_exe[n] = 0;
	limits lim = {
		.tick_us = env_long("REAPCHECK_TICK_US", 1000, 10, 1000000),
		.settle_us = env_long("REAPCHECK_HOST_SETTLE_US", 300, 10, 1000000),
		.step_ms = env_long("REAPCHECK_HOST_STEP_MS", 3000, 10, 600000),
		.max_procs = (int)env_long("REAPCHECK_HOST_MAX_PROCS", 64, 2, MAX_PUPPETS),
	};
	puppet_tick_us = lim.tick_us;
	probe_detect();
	if (argc >= 2 && strcmp(argv[1], "--puppet") == 0)
		return puppet_entry(argc, argv);
	bool check = argc == 2 && strcmp(argv[1], "--check") == 0;
	if (argc != 1 && !check) {
		fprintf(stderr, "usage: reapcheck-host [--check]   (speaks the reapcheck line protocol on stdin/stdout)\n");
		return EXIT_USAGE;
	}
	const char *why = namespaces_unavailable();
	if (why) {
		fprintf(stderr, "reapcheck-host: refusing to run uncontained: %s\n", why);
		return EXIT_NO_CONTAINMENT;
	}
	if (check)
		return 0;
	/* A write to a vanished client must not kill us before the namespace is torn down. */
	signal(SIGPIPE, SIG_IGN);
	return harness_serve(&lim);
}
