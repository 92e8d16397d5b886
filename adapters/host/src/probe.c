#include "probe.h"

#include <dirent.h>
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

/* Whether Linux can say where a task in this state is (every state but running and dead). */
static bool has_syscall_answer(char state)
{
	return state != 'R' && state != 'X' && state != '?';
}

/* Sample one /proc task directory ("/proc/PID" or "/proc/PID/task/TID"). */
static int probe_dir(const char *dir, proc_probe *out)
{
	char path[96], buf[4096];
	memset(out, 0, sizeof *out);
	snprintf(path, sizeof path, "%s/status", dir);
	if (slurp(path, buf, sizeof buf) < 0)
		return -1;
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
		return 0;
	if (probe_blind) {
		out->syscall_nr = NR_UNKNOWN;
		return 0;
	}
	snprintf(path, sizeof path, "%s/syscall", dir);
	if (slurp(path, buf, sizeof buf) < 0)
		return -1;
	if (strncmp(buf, "running", 7) == 0) {
		out->syscall_nr = NR_RUNNING;
	} else {
		char *end;
		out->syscall_nr = strtol(buf, &end, 10);
		out->arg0 = strtoull(end, NULL, 16);
	}
	return 0;
}

int probe_proc(pid_t pid, proc_probe *out)
{
	char dir[32];
	snprintf(dir, sizeof dir, "/proc/%d", (int)pid);
	return probe_dir(dir, out);
}

int probe_thread(pid_t pid, pid_t tid, proc_probe *out)
{
	char dir[64];
	snprintf(dir, sizeof dir, "/proc/%d/task/%d", (int)pid, (int)tid);
	return probe_dir(dir, out);
}

int probe_other_threads(pid_t pid, pid_t *tids, int max)
{
	char dir[48];
	snprintf(dir, sizeof dir, "/proc/%d/task", (int)pid);
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int n = 0;
	for (struct dirent *e; n < max && (e = readdir(d));) {
		pid_t tid = (pid_t)atoi(e->d_name);
		if (tid > 0 && tid != pid)
			tids[n++] = tid;
	}
	closedir(d);
	return n;
}
