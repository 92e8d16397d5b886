#include "probe.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool probe_blind;

void probe_detect(void)
{
	probe_blind = access("/proc/self/syscall", F_OK) != 0;
}

static ssize_t slurp(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return n;
}

/*
 * Open /proc/PID/status and /proc/PID/syscall descriptors, kept so a sweep costs one pread per
 * file instead of open, read and close. A descriptor names the process it was opened for, not
 * its number: once that process is reaped it reads nothing (ESRCH), even if the number is reused.
 * So a successful read is always about the process the number names now, and a failed one is
 * retried by path once (the slot may hold a process reaped earlier under the same number).
 * Direct-mapped by pid, with few enough slots to stay well inside the descriptor limit; a slot
 * still open for a process of an earlier namespace only holds memory until a later pid takes it.
 */
#define CACHE_SLOTS 128
enum { F_STATUS, F_SYSCALL, F_COUNT };
static const char *const cached_name[F_COUNT] = { "status", "syscall" };
static struct {
	pid_t pid;
	int fd[F_COUNT];
} cache[CACHE_SLOTS];

static void cache_drop(int slot)
{
	for (int f = 0; f < F_COUNT; f++)
		if (cache[slot].pid > 0 && cache[slot].fd[f] >= 0)
			close(cache[slot].fd[f]);
	cache[slot].pid = 0;
}

static ssize_t pread_text(int fd, char *buf, size_t len)
{
	ssize_t n = pread(fd, buf, len - 1, 0);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return n;
}

/* Read /proc/<pid>/<file> through the cache. */
static ssize_t slurp_cached(pid_t pid, int file, char *buf, size_t len)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, cached_name[file]);
	/* gVisor's descriptor of a reaped process goes on reading it as dead (X) instead of failing. */
	if (probe_blind)
		return slurp(path, buf, len);
	int slot = (int)(pid % CACHE_SLOTS);
	if (cache[slot].pid == pid && cache[slot].fd[file] >= 0) {
		ssize_t n = pread_text(cache[slot].fd[file], buf, len);
		if (n >= 0)
			return n;
	}
	if (cache[slot].pid != pid) {
		cache_drop(slot);
		cache[slot].pid = pid;
		for (int f = 0; f < F_COUNT; f++)
			cache[slot].fd[f] = -1;
	}
	if (cache[slot].fd[file] >= 0)
		close(cache[slot].fd[file]);
	cache[slot].fd[file] = open(path, O_RDONLY | O_CLOEXEC);
	if (cache[slot].fd[file] >= 0)
		return pread_text(cache[slot].fd[file], buf, len);
	if (errno != EMFILE && errno != ENFILE)
		return -1;
	/* Out of descriptors (many puppets): give the cache's back and read by path. */
	for (int i = 0; i < CACHE_SLOTS; i++)
		cache_drop(i);
	return slurp(path, buf, len);
}

/* The value after "Key:" in /proc/PID/status, or NULL. */
static const char *field(const char *text, const char *key)
{
	size_t n = strlen(key);
	for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			return line + n + 1;
	return NULL;
}

static uint64_t hexfield(const char *text, const char *key)
{
	const char *v = field(text, key);
	return v ? strtoull(v, NULL, 16) : 0;
}

static long decfield(const char *text, const char *key)
{
	const char *v = field(text, key);
	return v ? strtol(v, NULL, 10) : 0;
}

/*
 * Where the syscall file is read: asleep (which call) and stopped (whether it is off its CPU yet).
 * Not for zombies: reading a zombie's syscall file while its parent reaps it was seen to cost the
 * reaper milliseconds of CPU time, which its rusage would show.
 */
static bool has_syscall_answer(char state)
{
	return state == 'S' || state == 'D' || state == 'T' || state == 't';
}

/* Fill *out from the text of a status file; says whether the syscall file is to be read too. */
static bool parse_status(const char *buf, proc_probe *out)
{
	const char *st = field(buf, "State");
	while (st && (*st == ' ' || *st == '\t'))
		st++;
	out->state = st ? *st : '?';
	out->threads = (int)decfield(buf, "Threads");
	out->ppid = (pid_t)decfield(buf, "PPid");
	out->deliverable = (hexfield(buf, "SigPnd") | hexfield(buf, "ShdPnd")) & ~hexfield(buf, "SigBlk");
	out->switches = (uint64_t)decfield(buf, "voluntary_ctxt_switches") + (uint64_t)decfield(buf, "nonvoluntary_ctxt_switches");
	out->syscall_nr = NR_NONE;
	if (!has_syscall_answer(out->state))
		return false;
	if (probe_blind) {
		out->syscall_nr = NR_UNKNOWN;
		return false;
	}
	return true;
}

static void parse_syscall(const char *buf, proc_probe *out)
{
	if (strncmp(buf, "running", 7) == 0) {
		out->syscall_nr = NR_RUNNING;
	} else {
		char *end;
		out->syscall_nr = strtol(buf, &end, 10);
		out->arg0 = strtoull(end, NULL, 16);
	}
}

int probe_proc(pid_t pid, proc_probe *out)
{
	char buf[4096];
	memset(out, 0, sizeof *out);
	if (slurp_cached(pid, F_STATUS, buf, sizeof buf) < 0)
		return -1;
	if (!parse_status(buf, out))
		return 0;
	if (slurp_cached(pid, F_SYSCALL, buf, sizeof buf) < 0)
		return -1;
	parse_syscall(buf, out);
	return 0;
}

/*
 * Opened by path each time, and only for a live, stopped leader: a descriptor kept open on a
 * thread, or a read of a dying one, was seen to make the later reap cost the reaper CPU time.
 */
int probe_task(pid_t pid, pid_t tid, proc_probe *out)
{
	char path[96], buf[4096];
	memset(out, 0, sizeof *out);
	snprintf(path, sizeof path, "/proc/%d/task/%d/status", (int)pid, (int)tid);
	if (slurp(path, buf, sizeof buf) < 0)
		return -1;
	if (!parse_status(buf, out))
		return 0;
	snprintf(path, sizeof path, "/proc/%d/task/%d/syscall", (int)pid, (int)tid);
	if (slurp(path, buf, sizeof buf) < 0)
		return -1;
	parse_syscall(buf, out);
	return 0;
}

int list_other_tasks(pid_t pid, pid_t *tids, int max)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL && n < max;) {
		pid_t t = (pid_t)strtol(e->d_name, NULL, 10);
		if (t > 0 && t != pid)
			tids[n++] = t;
	}
	closedir(d);
	return n;
}
