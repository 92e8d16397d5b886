import type { Implementation, Interleaving } from '../../interleaving';
import { createOracle, Kernel, type KernelClass, type Profile } from '../../oracle';
import { createdPidsOn } from '../../properties/created-pids';
import { linuxInterleavingSource } from '../../properties/divergences/linux-interleavings';
import { execute, type Failure } from '../../runner/execute';
import { shrink, type ShrinkResult } from '../../runner/shrink';

/** A kernel whose profile has `wrong` laid over it: a deliberately wrong setting. */
export function kernelWith(wrong: Partial<Profile>): KernelClass {
  return class WrongProfileKernel extends Kernel {
    constructor(...args: ConstructorParameters<typeof Kernel>) {
      const [config, profile, md, tracing] = args;
      super(config, { ...profile, ...wrong }, md, tracing);
    }
  };
}

/** The oracle on the linux profile with one setting wrong, as a reference. */
export function wrongLinuxOracle(wrong: Partial<Profile>): Implementation {
  return createOracle({ kernel: kernelWith(wrong), name: 'oracle-linux-wrong' });
}

export interface Caught {
  run: number;
  found: Interleaving;
  failure: Failure;
  shrunk: ShrinkResult;
}

/**
 * Run generated Linux interleavings on `target` against the `wrong` reference until one diverges
 * where the `right` one does not (the mistake, not some other difference), then shrink it on the
 * target under the same condition. Null when none of `runs` does.
 */
export async function catchAndShrink(target: Implementation, wrong: Implementation, right: Implementation, seed: number, runs: number): Promise<Caught | null> {
  const mistake = async (il: Interleaving): Promise<Failure | null> => {
    const o = await execute(target, il, { reference: wrong });
    if (!o.failure) return null;
    return (await execute(target, il, { reference: right })).failure === null ? o.failure : null;
  };
  const generate = linuxInterleavingSource(seed, 30);
  for (let run = 0; run < runs; run++) {
    const found = generate(run);
    const failure = await mistake(found);
    if (!failure) continue;
    const shrunk = await shrink(found, failure, mistake, { maxReplays: 2000, createdPids: (il) => createdPidsOn(createOracle(), il) });
    return { run, found, failure, shrunk };
  }
  return null;
}
