import type { Implementation } from '../interleaving';
import { createOracle, type KernelClass } from '../oracle';

/** One implementation with one planted deviation from the seed, for checking that reapcheck finds it. */
export interface Mutant {
  /** A short slug; `--impl mutant:NAME` and `fixtures/mutants/NAME.json` use it. */
  readonly name: string;
  /** What is wrong, as a reader of the seed would say it. */
  readonly description: string;
  /** The seed lines the deviation breaks (`kern_exit.c:426-440`). */
  readonly seedLines: string;
  /** In-process (a kernel subclass) or a separate program over the line protocol. */
  readonly kind: 'kernel' | 'protocol';
  /** A fresh implementation; the caller resets it before the first step and closes it after. */
  create(): Implementation;
}

/** A mutant that is the oracle running a Kernel subclass which overrides one small method. */
export function kernelMutant(name: string, seedLines: string, description: string, kernel: KernelClass): Mutant {
  return { name, seedLines, description, kind: 'kernel', create: () => createOracle({ kernel, name: `mutant:${name}` }) };
}
