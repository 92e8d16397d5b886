import { withDefaults, type Config, type Implementation, type Snapshot, type Step, type StepResult } from '../interleaving';
import { Kernel } from './kernel/kernel';
import { RecordingMachineDependent, type MachineDependent } from './md/machine-dependent';
import { profileFor } from './profiles';
import { buildSnapshot } from './snapshot/build-snapshot';
import { validateConfig } from './validate-config';

/** A kernel class: `Kernel` or a subclass that overrides one of its methods. */
export type KernelClass = new (...args: ConstructorParameters<typeof Kernel>) => Kernel;

export interface OracleOptions {
  /** The machine-dependent shim; the default records every call into `StepResult.md`. */
  md?: MachineDependent;
  /** The kernel to run (default `Kernel`); mutants pass a subclass. */
  kernel?: KernelClass;
  /** Report TraceEvents in `StepResult.trace` (default true; off for benchmarks). */
  trace?: boolean;
  /** The implementation's name in reports (default 'oracle'). */
  name?: string;
}

/** The reference implementation: an executable model of kern_exit.c r176365 and the kernel around it. */
export class Oracle implements Implementation {
  readonly name: string;
  private kernel: Kernel | null = null;
  private recorder: RecordingMachineDependent | null = null;
  private index = 0;

  constructor(private readonly options: OracleOptions = {}) {
    this.name = options.name ?? 'oracle';
  }

  reset(config: Config): void {
    const cfg = withDefaults(config);
    validateConfig(cfg);
    const profile = profileFor(cfg.profile);
    const md = this.options.md ?? new RecordingMachineDependent();
    this.recorder = md instanceof RecordingMachineDependent ? md : null;
    this.recorder?.take();
    const K = this.options.kernel ?? Kernel;
    this.kernel = new K(cfg, profile, md, this.options.trace ?? true);
    this.index = 0;
  }

  apply(step: Step): StepResult {
    const r = this.live().apply(step, this.index);
    this.index++;
    if (this.recorder !== null) r.md = this.recorder.take();
    return r;
  }

  snapshot(): Snapshot {
    return buildSnapshot(this.live());
  }

  /** The running kernel, for tests and tools that look inside. */
  get state(): Kernel {
    return this.live();
  }

  private live(): Kernel {
    if (this.kernel === null) throw new Error('oracle: reset(config) must be called before apply or snapshot');
    return this.kernel;
  }
}

/** A fresh oracle; call `reset(config)` before the first step. */
export function createOracle(options?: OracleOptions): Oracle {
  return new Oracle(options);
}
