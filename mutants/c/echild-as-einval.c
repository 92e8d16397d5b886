/*
 * A mutant of the oracle in another language: a line-protocol proxy that starts the real server
 * (the command in argv[1..]), forwards every request line to it and every response line back,
 * and plants one deviation: wait4/owait's ECHILD (kern_exit.c:833-835) comes back as EINVAL,
 * as if the "no children" exit returned the option check's error (kern_exit.c:669-670).
 *
 *   cc -O2 -Wall -o mutants/c/build/echild-as-einval mutants/c/echild-as-einval.c
 *   reapcheck run --impl "cmd:mutants/c/build/echild-as-einval node dist/adapters/protocol/oracle-server.js"
 *
 * The protocol is strictly one response per request, so a synchronous loop is enough.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static const char FROM[] = "\"errno\":\"ECHILD\"";
static const char TO[] = "\"errno\":\"EINVAL\"";

/* The one planted deviation; FROM and TO have the same length, so the line is edited in place. */
static void plant(char *line) {
	for (char *at = strstr(line, FROM); at != NULL; at = strstr(at + sizeof(TO) - 1, FROM))
		memcpy(at, TO, sizeof(TO) - 1);
}

/* Start the server with its stdin and stdout on pipes; it dies with us. */
static pid_t start(char **argv, FILE **to, FILE **from) {
	int in[2], out[2];
	if (pipe(in) != 0 || pipe(out) != 0) {
		perror("echild-as-einval: pipe");
		exit(2);
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("echild-as-einval: fork");
		exit(2);
	}
	if (pid == 0) {
#ifdef __linux__
		prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execvp(argv[0], argv);
		perror("echild-as-einval: exec");
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	*to = fdopen(in[1], "w");
	*from = fdopen(out[0], "r");
	return pid;
}

int main(int argc, char **argv) {
	if (argc < 2) {
		fprintf(stderr, "usage: %s SERVER [ARGS...]\n", argv[0]);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	FILE *to, *from;
	pid_t server = start(argv + 1, &to, &from);
	char *req = NULL, *res = NULL;
	size_t reqcap = 0, rescap = 0;
	int status = 0;
	while (getline(&req, &reqcap, stdin) > 0) {
		if (fputs(req, to) == EOF || fflush(to) == EOF) break;
		if (getline(&res, &rescap, from) <= 0) break;
		plant(res);
		fputs(res, stdout);
		fflush(stdout);
	}
	fclose(to);
	waitpid(server, &status, 0);
	free(req);
	free(res);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
