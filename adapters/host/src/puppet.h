/*
 * A puppet is one model process: a real process running a command loop on its channel
 * (PUPPET_FD). Only puppets make lifecycle system calls; the orchestrator only orders and watches.
 *
 * Signal discipline: the model's signal mask is in effect only while the puppet idles on its channel
 * and while it sleeps in wait4. Every other command runs with all signals blocked and replies before
 * the mask comes back, so a signal a command provokes against its own caller (kill of itself or its
 * group, unblocking a pending signal, the SIGTRAP of a traced execve) takes effect after the reply,
 * just as the model's call returns before the signal acts. SIGKILL and SIGSTOP cannot be blocked:
 * the orchestrator infers those replies (docs/host-harness.md, "Inferred replies").
 */
#ifndef RC_PUPPET_H
#define RC_PUPPET_H

#include <signal.h>
#include <stdint.h>

/* Set once by main before any puppet exists; read-only afterwards (vfork children share memory). */
extern char puppet_exe[4096];
extern long puppet_tick_us;

/*
 * Enter the command loop with the model's mask. ack_step >= 0: this image was started by an execve
 * command, whose success is replied first; otherwise a check-in (HELLO) is sent. model_us: the CPU
 * time the model's process had used before this image started (0 for init); the rest of what the
 * kernel counts so far is start-up, left out of RUSAGE_SELF answers.
 */
__attribute__((noreturn)) void puppet_main(int ack_step, const sigset_t *model_mask, int64_t model_us);

/* The short name every puppet carries in /proc/PID/comm (a marker for containment checks). */
#define PUPPET_COMM "rc-puppet"

#endif
