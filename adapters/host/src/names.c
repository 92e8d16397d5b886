#include "names.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

/* Order as in symbols.ts SIGNAL_NAMES; SIGEMT, SIGINFO and SIGTHR have no Linux number. */
const name_value SIGNALS[] = {
	{ "SIGHUP", SIGHUP }, { "SIGINT", SIGINT }, { "SIGQUIT", SIGQUIT }, { "SIGILL", SIGILL },
	{ "SIGTRAP", SIGTRAP }, { "SIGABRT", SIGABRT }, { "SIGEMT", -1 }, { "SIGFPE", SIGFPE },
	{ "SIGKILL", SIGKILL }, { "SIGBUS", SIGBUS }, { "SIGSEGV", SIGSEGV }, { "SIGSYS", SIGSYS },
	{ "SIGPIPE", SIGPIPE }, { "SIGALRM", SIGALRM }, { "SIGTERM", SIGTERM }, { "SIGURG", SIGURG },
	{ "SIGSTOP", SIGSTOP }, { "SIGTSTP", SIGTSTP }, { "SIGCONT", SIGCONT }, { "SIGCHLD", SIGCHLD },
	{ "SIGTTIN", SIGTTIN }, { "SIGTTOU", SIGTTOU }, { "SIGIO", SIGIO }, { "SIGXCPU", SIGXCPU },
	{ "SIGXFSZ", SIGXFSZ }, { "SIGVTALRM", SIGVTALRM }, { "SIGPROF", SIGPROF },
	{ "SIGWINCH", SIGWINCH }, { "SIGINFO", -1 }, { "SIGUSR1", SIGUSR1 }, { "SIGUSR2", SIGUSR2 },
	{ "SIGTHR", -1 }, { 0, 0 },
};

/* ERESTART is kernel-internal on both systems; Linux's userland number is listed for completeness. */
const name_value ERRNOS[] = {
	{ "EPERM", EPERM }, { "ESRCH", ESRCH }, { "EINTR", EINTR }, { "EFAULT", EFAULT },
	{ "EBUSY", EBUSY }, { "EINVAL", EINVAL }, { "ECHILD", ECHILD }, { "EAGAIN", EAGAIN },
	{ "ENOMEM", ENOMEM }, { "EACCES", EACCES }, { "EIO", EIO }, { "ENXIO", ENXIO },
	{ "ENOTTY", ENOTTY }, { "ERESTART", ERESTART }, { "ENOSYS", ENOSYS }, { 0, 0 },
};

/* WLINUXCLONE is FreeBSD's name for the bit Linux calls __WCLONE (linux.md §0.1). */
const name_value WAIT_OPTIONS[] = {
	{ "WNOHANG", WNOHANG }, { "WUNTRACED", WUNTRACED }, { "WCONTINUED", WCONTINUED },
	{ "WLINUXCLONE", (int64_t)(uint32_t)__WCLONE }, { "WNOWAIT", WNOWAIT }, { "WEXITED", WEXITED },
	{ 0, 0 },
};

const name_value SA_FLAGS[] = {
	{ "SA_RESTART", SA_RESTART }, { "SA_NOCLDSTOP", SA_NOCLDSTOP }, { "SA_NOCLDWAIT", SA_NOCLDWAIT },
	{ "SA_SIGINFO", SA_SIGINFO }, { "SA_RESETHAND", SA_RESETHAND }, { "SA_NODEFER", SA_NODEFER },
	{ 0, 0 },
};

/* PT_* requests mapped to their PTRACE_* counterparts. */
const name_value PTRACE_REQUESTS[] = {
	{ "PT_TRACE_ME", PTRACE_TRACEME }, { "PT_ATTACH", PTRACE_ATTACH }, { "PT_DETACH", PTRACE_DETACH },
	{ "PT_CONTINUE", PTRACE_CONT }, { "PT_KILL", PTRACE_KILL }, { 0, 0 },
};

int64_t name_lookup(const name_value *table, const char *name, int *found)
{
	for (; table->name; table++)
		if (strcmp(table->name, name) == 0) {
			*found = 1;
			return table->value;
		}
	*found = 0;
	return 0;
}

const char *value_name(const name_value *table, int64_t value)
{
	for (; table->name; table++)
		if (table->value == value && value != -1)
			return table->name;
	return NULL;
}
