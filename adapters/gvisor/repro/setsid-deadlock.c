/*
 * gVisor G7 (docs/gvisor.md): in a pid namespace whose init leads its own session, setsid() by the
 * init's child, when that child has a child of its own, never returns; the sandbox stays up, and
 * SIGTERM does not end it. On Linux this prints "setsid returned" and exits 0.
 * Built and run inside `runsc do` by tests/gvisor/setsid-deadlock.test.ts.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int namespace_init(void *arg)
{
	(void)arg;
	setsid();
	pid_t child = fork();
	if (child == 0) {
		if (fork() == 0) {
			sleep(1);
			_exit(0);
		}
		setsid();
		fprintf(stderr, "setsid returned\n");
		_exit(0);
	}
	waitpid(child, NULL, 0);
	return 0;
}

int main(void)
{
	size_t size = 64 * 1024;
	char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (stack == MAP_FAILED)
		return 2;
	pid_t init = clone(namespace_init, stack + size, CLONE_NEWPID | SIGCHLD, NULL);
	if (init < 0)
		return 2;
	waitpid(init, NULL, 0);
	return 0;
}
