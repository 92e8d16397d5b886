#include "probe.h"

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

int probe_proc(pid_t pid, proc_probe *out)
{
	char path[64], buf[4096];
	memset(out, 0, sizeof *out);
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
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
	if (out->state == 'S' || out->state == 'D') {
		if (probe_blind) {
			out->syscall_nr = NR_UNKNOWN;
			return 0;
		}
		snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
		if (slurp(path, buf, sizeof buf) < 0)
			return -1;
		if (strncmp(buf, "running", 7) == 0) {
			out->syscall_nr = NR_RUNNING;
		} else {
			char *end;
			out->syscall_nr = strtol(buf, &end, 10);
			out->arg0 = strtoull(end, NULL, 16);
		}
	}
	return 0;
}
