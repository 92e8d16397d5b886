/*
 * What /proc says about one process (linux.md §2.2): scheduler state, where it sleeps, which
 * signals are about to act, and how often it has been switched (so two samples tell whether it ran
 * in between).
 */
#ifndef RC_PROBE_H
#define RC_PROBE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* syscall_nr values that are not system call numbers. */
#define NR_RUNNING (-2) /* /proc/PID/syscall said "running": the task is still on a CPU */
#define NR_NONE (-1)    /* not inside a system call, or not sampled */
#define NR_UNKNOWN (-3) /* asleep, but this /proc has no syscall file (probe_blind) */

/*
 * True where /proc/PID/syscall does not exist (gVisor): then a sleeping process's call is unknown,
 * puppets announce the calls they are about to sleep in (MSG_ENTERING), and settling trusts those
 * announcements with more confirming sweeps. False on native Linux, where nothing changes.
 */
extern bool probe_blind;
/* Set probe_blind from this process's own /proc entry; called once by main. */
void probe_detect(void);

typedef struct {
	char state;         /* R S D T t Z X ... */
	int threads;
	pid_t ppid;         /* in the orchestrator's pid namespace */
	/*
	 * Sampled in S, D, T and t. Linux answers from /proc/PID/syscall only once the task is off its
	 * CPU in the state it showed, else NR_RUNNING: so a T or t task that is still finishing its stop
	 * (and has not yet told its parent) shows as NR_RUNNING. NR_UNKNOWN when probe_blind.
	 */
	long syscall_nr;
	uint64_t arg0;
	uint64_t deliverable; /* (SigPnd | ShdPnd) & ~SigBlk: signals that will act as soon as it runs */
	uint64_t switches;  /* voluntary + involuntary context switches */
} proc_probe;

/* Sample /proc/<pid>. Returns 0, or -1 when the entry is gone (the process was reaped). */
int probe_proc(pid_t pid, proc_probe *out);

/* Sample one thread, /proc/<pid>/task/<tid> (uncached). Returns 0, or -1 when it is gone. */
int probe_task(pid_t pid, pid_t tid, proc_probe *out);
/* The ids of pid's threads other than its leader, at most max. Returns how many, or -1. */
int list_other_tasks(pid_t pid, pid_t *tids, int max);

#endif
