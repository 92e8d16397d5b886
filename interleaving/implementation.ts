import type { Config } from './config';
import type { Step } from './step';
import type { StepResult } from './observation';
import type { Snapshot } from './snapshot';

/**
 * The one contract every target meets: the oracle, the mutants, the line-protocol client and the
 * real-kernel harness. One runner drives any of them.
 */
export interface Implementation {
  readonly name: string;
  /** Start a fresh kernel: init (pid 1) alone, leader of session 1 and process group 1. */
  reset(config: Config): void | Promise<void>;
  /**
   * Apply one step. Syscall failures are data (an errno in the observation). A call the
   * implementation cannot take (unknown or sleeping caller, malformed argument) throws `StepRejected`,
   * leaving the state unchanged.
   */
  apply(step: Step): StepResult | Promise<StepResult>;
  /** The process table, where the implementation can give it. */
  snapshot?(): Snapshot | Promise<Snapshot>;
  /** Release resources (child processes, namespaces). */
  close?(): void | Promise<void>;
}

/** A call the model cannot take: the step is invalid for this state. */
export class StepRejected extends Error {
  constructor(
    readonly call: string,
    readonly reason: string,
  ) {
    super(`${call}: ${reason}`);
    this.name = 'StepRejected';
  }
}

/**
 * A configuration no model can run (a field out of its range, a pid space the profile refuses):
 * thrown by the oracle's `reset`. Whoever sent it has a bug; the line protocol calls it malformed.
 */
export class ConfigInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigInvalid';
  }
}

/**
 * A configuration the implementation cannot model (a real kernel refusing a tiny pid_max): thrown
 * by `reset`. The interleaving is skipped for this target, not reported as a failure.
 */
export class ConfigUnsupported extends Error {
  constructor(readonly reason: string) {
    super(`configuration not supported: ${reason}`);
    this.name = 'ConfigUnsupported';
  }
}

export function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown })?.then === 'function';
}
