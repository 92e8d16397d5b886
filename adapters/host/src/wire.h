/*
 * The private channel between the orchestrator and one puppet: a SOCK_SEQPACKET socketpair, one
 * fixed-size record per message. Commands go down, replies and check-ins come up. The orchestrator's
 * end has SO_PASSCRED, so every record arrives with the sender's pid in the orchestrator's own pid
 * namespace: that is how it learns each puppet's global pid for /proc.
 */
#ifndef RC_WIRE_H
#define RC_WIRE_H

#include <stdint.h>
#include <sys/types.h>

/* Every puppet keeps its channel on this descriptor, across fork and execve. */
#define PUPPET_FD 3

typedef enum {
	OP_FORK = 1, OP_VFORK, OP_THR_NEW, OP_EXIT, OP_WAIT4, OP_KILL, OP_SIGACTION, OP_SIGPROCMASK,
	OP_PTRACE, OP_SETPGID, OP_SETSID, OP_EXECVE, OP_SETUID, OP_RUN, OP_GETPPID, OP_GETPGID,
	OP_GETSID, OP_GETRUSAGE, OP_SIGPENDING, OP_RFORK,
} wire_op;

/* wait4's user pointers (UserPtr). */
enum { PTR_VALID = 0, PTR_NULL = 1, PTR_FAULT = 2 };
/* sigaction handlers. */
enum { H_DFL = 0, H_IGN = 1, H_CATCH = 2 };

/*
 * One command. Arguments by op: EXIT code; WAIT4 wpid, options, status ptr, rusage ptr; KILL target,
 * signo; SIGACTION signo, handler, flags; SIGPROCMASK how, mask; PTRACE request, target, data;
 * SETPGID target, pgid; GETPGID/GETSID target; SETUID uid; RUN ticks; GETRUSAGE who; RFORK clone
 * flags (without the exit signal), exit signal, shares memory (0/1).
 * FORK, VFORK and RFORK carry the child's channel as SCM_RIGHTS.
 */
typedef struct {
	int32_t op;
	int32_t step;
	int64_t a[4];
} wire_cmd;

/*
 * MSG_ENTERING: "I am about to sleep in the call of step N" (wait4, or a vfork-style clone). Sent only
 * where /proc cannot say which call a process sleeps in (probe_blind, e.g. gVisor).
 */
typedef enum { MSG_HELLO = 1, MSG_REPLY, MSG_ENTERING } wire_msg_type;

typedef struct {
	int32_t type;
	int32_t step;      /* the command this replies to */
	int32_t pid;       /* HELLO: getpid() inside the namespace */
	int32_t err;       /* errno, 0 on success */
	int64_t ret;
	int32_t status_written;
	int32_t status;
	int32_t rusage_written;
	int32_t pad;
	int64_t utime_us;
	uint64_t sigs;     /* SIGPENDING: bit n-1 for signal n */
} wire_msg;

/* Send a record, optionally passing one descriptor. Returns 0 or -1 (errno set). */
int wire_send(int fd, const void *rec, size_t len, int pass_fd);
/*
 * Receive a record of exactly len bytes. *got_fd receives a passed descriptor (or -1), *sender the
 * credential pid (or -1) when the pointers are non-NULL. Returns len, 0 at end of file, -1 on error.
 */
ssize_t wire_recv(int fd, void *rec, size_t len, int *got_fd, pid_t *sender);

#endif
