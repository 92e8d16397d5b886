/*
 * The baseline for host steps per second: raw fork + _exit + waitpid round trips of a plain C loop.
 *   bench-forkloop [SECONDS]   prints {"roundTrips":N,"seconds":S,"perSecond":R}
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 1.0;
	if (argc > 2 || seconds <= 0 || seconds > 60) {
		fprintf(stderr, "usage: bench-forkloop [SECONDS (0-60]]\n");
		return 2;
	}
	long n = 0;
	double t0 = now(), t;
	do {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		if (p < 0 || waitpid(p, NULL, 0) != p) {
			perror("bench-forkloop");
			return 1;
		}
		n++;
	} while ((t = now()) - t0 < seconds);
	printf("{\"roundTrips\":%ld,\"seconds\":%.3f,\"perSecond\":%.0f}\n", n, t - t0, (double)n / (t - t0));
	return 0;
}
