import type { ProfileName } from '../../../interleaving';

/**
 * Whether a waiter other than the tracer hears of a group stop from a record of its own, apart from
 * the tracer's P_WAITED: Linux's wait_task_stopped reads the signal struct's group_exit_code for a
 * waiter that is not the tracer (linux.md T4), so one stop may be reported once to each, even while
 * a tracer runs the child. FreeBSD r176365 has one P_WAITED for every waiter (kern_exit.c:798-815).
 */
export const GROUP_STOP_REPORTED_APART: Readonly<Record<ProfileName, boolean>> = {
  'freebsd-r176365': false,
  linux: true,
};
