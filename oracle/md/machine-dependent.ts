import type { MdCall, MdHook } from '../../interleaving';

/**
 * The machine-dependent and VM hooks exit1 and kern_wait call (semantics.md §3.14), each with the pid
 * of the process it acts for. The oracle calls them at the seed's points; what they do is up to the
 * implementation (the default records them).
 */
export interface MachineDependent {
  /** kern_exit.c:288. */
  vmspace_exit(pid: number): void;
  /** kern_exit.c:415. */
  cpu_exit(pid: number): void;
  /** kern_exit.c:514, charging the exiting `pid` to its parent. */
  sched_exit(pid: number): void;
  /** kern_exit.c:536, and for each extra thread at single-threading (kern_exit.c:133-167). */
  thread_exit(pid: number): void;
  /** Called by every thread_exit. */
  cpu_thread_exit(pid: number): void;
  /** kern_exit.c:779. */
  thread_wait(pid: number): void;
  /** kern_exit.c:786. */
  vm_waitproc(pid: number): void;
}

const NO_CALLS: MdCall[] = Object.freeze([]) as unknown as MdCall[];

/** The default shim: records each call, in order, for the current step. */
export class RecordingMachineDependent implements MachineDependent {
  private calls: MdCall[] = [];

  /** The calls since the last `take` (a shared frozen empty list when none), and start a new list. */
  take(): MdCall[] {
    const c = this.calls;
    if (c.length === 0) return NO_CALLS;
    this.calls = [];
    return c;
  }

  private rec(hook: MdHook, pid: number): void {
    this.calls.push({ hook, pid });
  }

  vmspace_exit(pid: number): void { this.rec('vmspace_exit', pid); }
  cpu_exit(pid: number): void { this.rec('cpu_exit', pid); }
  sched_exit(pid: number): void { this.rec('sched_exit', pid); }
  thread_exit(pid: number): void { this.rec('thread_exit', pid); }
  cpu_thread_exit(pid: number): void { this.rec('cpu_thread_exit', pid); }
  thread_wait(pid: number): void { this.rec('thread_wait', pid); }
  vm_waitproc(pid: number): void { this.rec('vm_waitproc', pid); }
}
